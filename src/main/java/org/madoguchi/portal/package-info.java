/**
 * Everything a resident sees, without an account: the status look-up by application number and birth date,
 * and the online benefit application, in Japanese, English, Chinese, Korean and Vietnamese. The portal holds
 * no data of its own; it speaks to the {@code benefits} module's public API, which checks who is asking and
 * scopes each request to the one municipality it names.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Resident portal", allowedDependencies = { "benefits", "platform" })
package org.madoguchi.portal;
