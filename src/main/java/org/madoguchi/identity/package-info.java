/** Staff accounts, roles, municipality assignments, sign-in with a second factor, and API tokens. */
package org.madoguchi.identity;
