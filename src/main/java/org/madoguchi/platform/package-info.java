/**
 * Shared infrastructure every module stands on: the database (embedded or external), the tenant scope
 * that row-level security reads, API errors and the web shell.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.madoguchi.platform;
