package org.madoguchi.privacy.web;

import java.net.URI;
import java.util.List;

import org.madoguchi.platform.InvalidInput;
import org.madoguchi.privacy.PersonalDataKind;
import org.madoguchi.privacy.PersonalDataVault;
import org.madoguchi.privacy.PersonalValue;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The vault over HTTP. The platform has already checked that the caller works for {@code code}. */
@RestController
@RequestMapping("/api/v1/municipalities/{code}")
class PersonalDataApi {

	record ValueRequest(String kind, String value) {

		@Override
		public String toString() {
			return "ValueRequest[" + kind + "]";
		}
	}

	record RevealRequest(String reason) {
	}

	record Masked(long id, String kind, String masked) {

		static Masked of(PersonalValue value) {
			return new Masked(value.id(), value.kind().code(), value.masked());
		}
	}

	record Clear(long id, String kind, String value) {

		@Override
		public String toString() {
			return "Clear[" + id + " " + kind + "]";
		}
	}

	record Matches(List<Masked> items) {
	}

	private final PersonalDataVault vault;

	PersonalDataApi(PersonalDataVault vault) {
		this.vault = vault;
	}

	@PostMapping("/personal-data")
	@PreAuthorize("@personalDataAccess.mayKeep(authentication)")
	ResponseEntity<Masked> store(@PathVariable String code, @RequestBody ValueRequest request) {
		var stored = Masked.of(vault.store(code, kindOf(request), request.value()));
		return ResponseEntity.created(URI.create("/api/v1/municipalities/" + code + "/personal-data/" + stored.id())).body(stored);
	}

	@GetMapping("/personal-data/{id}")
	@PreAuthorize("@personalDataAccess.mayLook(authentication)")
	Masked find(@PathVariable String code, @PathVariable long id) {
		return Masked.of(vault.find(code, id));
	}

	@PostMapping("/personal-data/{id}/reveal")
	@PreAuthorize("@personalDataAccess.mayReveal(authentication)")
	Clear reveal(@PathVariable String code, @PathVariable long id, @RequestBody(required = false) RevealRequest request) {
		var revealed = vault.reveal(code, id, request == null ? null : request.reason());
		return new Clear(revealed.id(), revealed.kind().code(), revealed.value());
	}

	@PostMapping("/personal-data:search")
	@PreAuthorize("@personalDataAccess.mayKeep(authentication)")
	Matches search(@PathVariable String code, @RequestBody ValueRequest request) {
		return new Matches(vault.search(code, kindOf(request), request.value()).stream().map(Masked::of).toList());
	}

	/** Checks kind and the presence of a value together, so the caller hears of both at once. */
	private static PersonalDataKind kindOf(ValueRequest request) {
		var problems = new InvalidInput.Collector();
		var kind = request.kind() == null || request.kind().isBlank() ? null : PersonalDataKind.parse(request.kind()).orElse(null);
		if (request.kind() == null || request.kind().isBlank()) {
			problems.add("kind", "required");
		} else if (kind == null) {
			problems.add("kind", "unknown_kind");
		}
		if (request.value() == null || request.value().isBlank()) {
			problems.add("value", "required");
		}
		problems.throwIfAny();
		return kind;
	}
}
