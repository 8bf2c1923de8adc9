/**
 * Declarative procedure definitions: a procedure (要介護認定申請, 住民票の郵送請求 …) is data, not code. A
 * definition in YAML or JSON gives the form schema, cross-field rules, attachments, the workflow with the
 * roles of each transition, the SLA, fees and letters. {@link org.madoguchi.procedures.Procedures} loads the
 * shipped definitions and each municipality's published versions; a {@link org.madoguchi.procedures.Procedure}
 * validates case data. The format is described in {@code src/main/resources/procedures/README.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Procedures")
package org.madoguchi.procedures;
