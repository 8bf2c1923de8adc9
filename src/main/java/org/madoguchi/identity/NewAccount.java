package org.madoguchi.identity;

import java.util.List;

/** An administrator's request for a new staff account, exactly as the API receives it. */
public record NewAccount(String username, String password, String displayName, String organization, List<String> roles,
		List<String> municipalities) {
}
