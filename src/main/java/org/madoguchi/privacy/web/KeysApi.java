package org.madoguchi.privacy.web;

import org.madoguchi.privacy.KeyRotation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Key rotation for administrators. Re-wrapping covers the municipalities the administrator works for. */
@RestController
class KeysApi {

	record Rotated(String municipality, int encryptionKeyVersion) {
	}

	record Rewrapped(int rewrapped) {
	}

	private final KeyRotation rotation;

	KeysApi(KeyRotation rotation) {
		this.rotation = rotation;
	}

	@PostMapping("/api/v1/municipalities/{code}/keys:rotate")
	@PreAuthorize("hasRole('ADMIN')")
	Rotated rotate(@PathVariable String code) {
		return new Rotated(code, rotation.rotateEncryptionKey(code));
	}

	@PostMapping("/api/v1/admin/keys:rewrap")
	@PreAuthorize("hasRole('ADMIN')")
	Rewrapped rewrap() {
		return new Rewrapped(rotation.rewrapAll());
	}
}
