package org.madoguchi.tenancy;

/** A municipality joined the install; published inside the registering transaction. */
public record MunicipalityRegistered(String code, String registeredBy) {
}
