/**
 * Payments to residents' bank accounts. {@link org.madoguchi.payments.BankDirectory} is the bank master
 * (bank and branch codes with the names a transfer file carries, from the zengin-code data set shipped in
 * {@code resources/payments/zengin-code/}); {@link org.madoguchi.payments.ZenginTransferFile} writes a Zengin
 * 総合振込 file for a {@link org.madoguchi.payments.Payer} and its {@link org.madoguchi.payments.Transfer}s.
 * Both are pure: no database, no Spring beans.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payments")
package org.madoguchi.payments;
