/**
 * The resident register (住民基本台帳) of each municipality, loaded from the city's extracts and kept with
 * its history. {@link org.madoguchi.residents.RegisterImport} applies an extract (CSV, UTF-8 or CP932);
 * {@link org.madoguchi.residents.Register} answers who lived where, in which household, on a given date, and
 * finds residents by reading and birth date. {@code web} holds the import API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Residents")
package org.madoguchi.residents;
