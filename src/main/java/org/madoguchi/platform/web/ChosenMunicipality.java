package org.madoguchi.platform.web;

import jakarta.servlet.http.HttpSession;

/** The municipality a staff member serving several cities is working on right now (the switcher). */
public final class ChosenMunicipality {

	private ChosenMunicipality() {
	}

	public static void choose(HttpSession session, String code) {
		session.setAttribute(TenantGuard.CHOSEN_MUNICIPALITY, code);
	}

	public static String of(HttpSession session) {
		return session == null ? null : (String) session.getAttribute(TenantGuard.CHOSEN_MUNICIPALITY);
	}
}
