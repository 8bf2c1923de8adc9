package org.madoguchi.privacy;

/**
 * A value sealed for keeping in another module's own row rather than in the vault's table: the seal, the
 * blind index that finds it, and the mask that may be shown. See {@link PersonalDataVault#sealing}.
 */
public record SealedValue(Sealed sealed, BlindIndex index, String masked) {
}
