/**
 * Cash benefit programmes (給付金) paid per person to the household head: eligibility from the resident
 * register on the reference date ({@link org.madoguchi.benefits.BenefitProgrammes}), one pre-printed form per
 * household with a checked {@link org.madoguchi.benefits.ApplicationNumber}, mailed and online applications
 * checked automatically ({@link org.madoguchi.benefits.BenefitApplications}), duplicate control held by a
 * database constraint, bulk approval by a municipal official, and payment through the {@code payments} module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Benefits")
package org.madoguchi.benefits;
