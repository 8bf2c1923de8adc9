/** Operators, consortia, municipalities, offices and each municipality's office calendar. */
package org.madoguchi.tenancy;
