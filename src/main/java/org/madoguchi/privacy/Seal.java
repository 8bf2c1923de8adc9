package org.madoguchi.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import javax.crypto.AEADBadTagException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.madoguchi.privacy.keys.DataKey;
import org.madoguchi.privacy.keys.DataKeyRing;
import org.madoguchi.privacy.keys.Gcm;
import org.springframework.stereotype.Component;

/**
 * Seals personal values with the municipality's newest encryption key (AES-256-GCM) and computes blind
 * indexes with its index key (HMAC-SHA256). The associated data names the municipality and the kind, so a
 * ciphertext copied into another city's rows or into another field does not open.
 */
@Component
public class Seal {

	/** Lower-case letters, digits, dots and hyphens: a ':' in a kind could make two different inputs hash alike. */
	private static final Pattern KIND = Pattern.compile("[a-z0-9][a-z0-9.-]{0,62}");

	private final DataKeyRing keys;

	Seal(DataKeyRing keys) {
		this.keys = keys;
	}

	public Sealed seal(String municipality, String kind, String plain) {
		return sealer(municipality, kind).apply(plain);
	}

	/**
	 * Seals many values with the key that is newest now, looked up once: a bulk load would otherwise ask the
	 * database for the newest key version once per value. A key rotated meanwhile does not matter, since
	 * every value names the version it was sealed with. The function keeps its cipher between calls, so it
	 * must stay on one thread.
	 */
	public Function<String, Sealed> sealer(String municipality, String kind) {
		requireKind(kind);
		DataKey key = keys.currentEncryptionKey(municipality);
		byte[] header = ByteBuffer.allocate(Sealed.HEADER_BYTES).put(Sealed.FORMAT).putInt(key.version()).array();
		byte[] associated = associated(header, municipality, kind);
		var gcm = Gcm.reused();
		return plain -> {
			byte[] body = gcm.sealed(key.secret(), associated, plain.getBytes(StandardCharsets.UTF_8));
			return new Sealed(ByteBuffer.allocate(header.length + body.length).put(header).put(body).array());
		};
	}

	public String open(String municipality, String kind, Sealed sealed) {
		return opener(municipality, kind).apply(sealed);
	}

	/**
	 * Opens many values of one city and kind, each key version looked up once. Like {@link #sealer}, the
	 * function keeps its cipher and must stay on one thread.
	 */
	public Function<Sealed, String> opener(String municipality, String kind) {
		requireKind(kind);
		var gcm = Gcm.reused();
		var versions = new HashMap<Integer, DataKey>();
		return sealed -> {
			byte[] bytes = sealed.bytes();
			int version = sealed.keyVersion();
			if (version <= 0) {
				throw new UnreadableSeal("not a sealed value of a known format");
			}
			DataKey key = versions.computeIfAbsent(version, v -> keys.encryptionKey(municipality, v)
				.orElseThrow(() -> new UnreadableSeal("sealed with key v" + v + ", which " + municipality + " does not have")));
			byte[] header = Arrays.copyOf(bytes, Sealed.HEADER_BYTES);
			try {
				return new String(gcm.opened(key.secret(), associated(header, municipality, kind), bytes, Sealed.HEADER_BYTES),
						StandardCharsets.UTF_8);
			} catch (AEADBadTagException e) {
				throw new UnreadableSeal("a sealed " + kind + " does not open for " + municipality
						+ ": altered, or sealed for another municipality or kind");
			}
		};
	}

	/** HMAC-SHA256(index key, kind + ":" + canonical): pass the canonical form, or equal values will differ. */
	public BlindIndex blindIndex(String municipality, String kind, String canonical) {
		return indexer(municipality, kind).apply(canonical);
	}

	/**
	 * Blind indexes of many canonical values with one keyed hash, for bulk loads. The function keeps its
	 * HMAC state between calls, so it must stay on one thread.
	 */
	public Function<String, BlindIndex> indexer(String municipality, String kind) {
		requireKind(kind);
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(keys.indexKey(municipality).secret().getEncoded(), "HmacSHA256"));
			byte[] prefix = (kind + ":").getBytes(StandardCharsets.UTF_8);
			return canonical -> {
				mac.update(prefix);
				return new BlindIndex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
			};
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("HMAC-SHA256 is not available", e);
		}
	}

	/** The header is authenticated too, so a changed key version cannot pass unnoticed. */
	private static byte[] associated(byte[] header, String municipality, String kind) {
		byte[] names = ("|" + municipality + "|" + kind).getBytes(StandardCharsets.UTF_8);
		return ByteBuffer.allocate(header.length + names.length).put(header).put(names).array();
	}

	private static void requireKind(String kind) {
		if (kind == null || !KIND.matcher(kind).matches()) {
			throw new IllegalArgumentException("a kind is a short lower-case name such as 'my-number'");
		}
	}
}
