package org.madoguchi.tenancy;

/** A city (or ward) served by the install, identified by its 全国地方公共団体コード. */
public record Municipality(String code, String name, String nameKana, String operatorId, String consortiumId,
		Integer population) {
}
