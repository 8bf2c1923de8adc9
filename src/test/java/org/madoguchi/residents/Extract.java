package org.madoguchi.residents;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.madoguchi.Api;
import org.madoguchi.japan.MyNumber;

import tools.jackson.databind.JsonNode;

/**
 * A register extract written the way a city's system writes one, and its upload. Ids carry a prefix of
 * their own, so that tests sharing the database never touch each other's residents.
 */
final class Extract {

	static final String HEADER = "resident_id,household_id,relationship,name,name_kana,birth_date,sex,postal_code,address,"
			+ "registered_on,removed_on,removal_reason,my_number";
	static final String KOBE = "281000";

	private final List<String> rows = new ArrayList<>();
	private final String prefix;

	Extract(String prefix) {
		this.prefix = prefix;
	}

	/** Ids unique to one test: letters and digits only, as the register's id format allows. */
	static String prefix() {
		return "t" + Long.toString(System.nanoTime(), 36) + Integer.toString(ThreadLocalRandom.current().nextInt(1000), 36);
	}

	String id(String local) {
		return prefix + "-" + local;
	}

	/** A resident living at the same address as the rest of their household. */
	Extract person(String resident, String household, String relationship, String name, String kana, String birthDate,
			String sex, String registeredOn) {
		return row(id(resident), id(household), relationship, name, kana, birthDate, sex, "650-0001",
				"神戸市中央区加納町6丁目5番1号 " + household, registeredOn, "", "", "");
	}

	Extract removed(String resident, String household, String relationship, String name, String kana, String birthDate,
			String sex, String registeredOn, String removedOn, String reason) {
		return row(id(resident), id(household), relationship, name, kana, birthDate, sex, "650-0001",
				"神戸市中央区加納町6丁目5番1号 " + household, registeredOn, removedOn, reason, "");
	}

	/** Any cells, as given: for rows that are meant to be wrong. */
	Extract row(String... cells) {
		rows.add(String.join(",", cells));
		return this;
	}

	String csv() {
		return HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n";
	}

	static String randomMyNumber() {
		var digits = new StringBuilder();
		for (int i = 0; i < 11; i++) {
			digits.append(ThreadLocalRandom.current().nextInt(10));
		}
		return digits + String.valueOf(MyNumber.checkDigit(digits.toString()));
	}

	static Api.Response upload(int port, String user, String query, byte[] body) {
		return upload(port, user, KOBE, query, body);
	}

	static Api.Response upload(int port, String user, String municipality, String query, byte[] body) {
		var api = new Api(port);
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/municipalities/" + municipality
				+ "/register:import" + query)).header("Accept-Language", "en").header("Authorization", "Bearer " + api.token(user))
			.header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
		try {
			var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
			return new Api.Response(response.statusCode(), response.body());
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** "path:code" of each error of a rejected row. */
	static List<String> errors(JsonNode rejection) {
		return rejection.get("errors").valueStream().map(e -> e.get("path").asString() + ":" + e.get("code").asString()).toList();
	}
}
