/**
 * Protection of residents' personal data at rest: per-municipality data keys wrapped under the master
 * key, sealing (AES-256-GCM) and blind indexes for exact-match search, and the vault in which other
 * modules keep My Numbers, bank accounts and phone numbers while holding only a reference id and a mask.
 * Also the sealed box for the platform's own small secrets.
 */
package org.madoguchi.privacy;
