package org.madoguchi.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;

import org.madoguchi.privacy.keys.Gcm;
import org.madoguchi.privacy.keys.MasterKey;
import org.madoguchi.privacy.keys.MasterKeys;
import org.springframework.stereotype.Component;

/**
 * Seals the platform's own small secrets, such as staff members' TOTP seeds, which belong to no
 * municipality. AES-GCM under a key derived from the master key; the context (e.g. {@code totp:42}) is
 * authenticated, so a sealed secret moved to another account does not open.
 *
 * <p>Layout: format | id of the master key | nonce | ciphertext+tag. After a master key change, secrets
 * still open with the previous key; owners re-seal them ({@link #isCurrent}, {@link #reseal}) before the
 * previous key is dropped.
 */
@Component
public class SecretBox {

	private static final String LABEL = "madoguchi/secret-box/v1";
	private static final byte FORMAT = 1;
	private static final int ID_BYTES = 8;
	private static final int HEADER_BYTES = 1 + ID_BYTES;

	private record Box(byte[] id, SecretKey key) {
	}

	private final Box current;
	private final Optional<Box> previous;

	SecretBox(MasterKeys masters) {
		this.current = box(masters.current());
		this.previous = masters.previous().map(SecretBox::box);
	}

	public byte[] seal(byte[] plain, String context) {
		byte[] header = ByteBuffer.allocate(HEADER_BYTES).put(FORMAT).put(current.id()).array();
		byte[] body = Gcm.seal(current.key(), associated(header, context), plain);
		return ByteBuffer.allocate(header.length + body.length).put(header).put(body).array();
	}

	/** Opens with the current master key's box, else the previous one's. */
	public byte[] open(byte[] sealed, String context) {
		if (sealed == null || sealed.length < HEADER_BYTES || sealed[0] != FORMAT) {
			throw new UnreadableSeal("not a sealed secret");
		}
		byte[] associated = associated(Arrays.copyOf(sealed, HEADER_BYTES), context);
		for (Box box : previous.isPresent() ? new Box[] {current, previous.get()} : new Box[] {current}) {
			try {
				return Gcm.open(box.key(), associated, sealed, HEADER_BYTES);
			} catch (AEADBadTagException wrongKeyOrAltered) {
				// try the next key; fail below if none opens it
			}
		}
		throw new UnreadableSeal("a sealed secret (" + context + ") does not open under master key "
				+ HexFormat.of().formatHex(current.id()) + (previous.isPresent() ? " or the previous one" : "")
				+ ": altered, moved, or sealed under another master key");
	}

	/** Whether the secret was sealed under the current master key, i.e. survives dropping the previous one. */
	public boolean isCurrent(byte[] sealed) {
		return sealed != null && sealed.length >= HEADER_BYTES && sealed[0] == FORMAT
				&& Arrays.equals(sealed, 1, HEADER_BYTES, current.id(), 0, ID_BYTES);
	}

	/** The same secret sealed under the current master key. */
	public byte[] reseal(byte[] sealed, String context) {
		return isCurrent(sealed) ? sealed : seal(open(sealed, context), context);
	}

	private static Box box(MasterKey master) {
		return new Box(HexFormat.of().parseHex(master.id()), master.derive(LABEL));
	}

	private static byte[] associated(byte[] header, String context) {
		byte[] names = ("|" + context).getBytes(StandardCharsets.UTF_8);
		return ByteBuffer.allocate(header.length + names.length).put(header).put(names).array();
	}
}
