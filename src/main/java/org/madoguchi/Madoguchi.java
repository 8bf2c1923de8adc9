package org.madoguchi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The counter: one deployable serving an operator's staff, city officials and residents. */
@SpringBootApplication
public class Madoguchi {

	public static void main(String[] args) {
		SpringApplication.run(Madoguchi.class, args);
	}
}
