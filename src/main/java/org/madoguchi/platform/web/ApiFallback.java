package org.madoguchi.platform.web;

import org.madoguchi.platform.NotFound;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An API path that matches nothing answers in the API's error shape, not Spring's default page. */
@RestController
class ApiFallback {

	@RequestMapping("/api/**")
	void unknown() {
		throw new NotFound("url");
	}
}
