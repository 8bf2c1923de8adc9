/** Shared kernel of Japanese value types: public identifiers, postal codes, era dates, kana readings and the office calendar. */
package org.madoguchi.japan;
