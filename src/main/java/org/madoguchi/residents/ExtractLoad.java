package org.madoguchi.residents;

/** Where the checked rows of an extract go while the file streams in: a city's first load, or the staging table. */
interface ExtractLoad {

	void add(ExtractRow row);

	/** Rows taken so far. */
	int rows();
}
