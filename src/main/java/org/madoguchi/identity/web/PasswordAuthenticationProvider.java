package org.madoguchi.identity.web;

import org.madoguchi.identity.SignIn;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** The login form's password check; accounts that need a second factor get only half a sign-in here. */
@Component
class PasswordAuthenticationProvider implements AuthenticationProvider {

	private final SignIn signIn;

	PasswordAuthenticationProvider(SignIn signIn) {
		this.signIn = signIn;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		var attempt = signIn.password(authentication.getName(), String.valueOf(authentication.getCredentials()));
		return switch (attempt.outcome()) {
			case LOCKED -> throw new LockedException("locked");
			case REJECTED -> throw new BadCredentialsException("rejected");
			case ACCEPTED -> {
				if (attempt.user().needsSecondFactor()) {
					yield Authorities.passwordVerified(attempt.user());
				}
				signIn.completedWithoutSecondFactor(attempt.user());
				yield Authorities.signedIn(attempt.user());
			}
		};
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
