// Loaded seed data sets, one record each, so that a repeated load of the same set is skipped.
CREATE CONSTRAINT data_set_name IF NOT EXISTS FOR (d:DataSet) REQUIRE d.name IS UNIQUE;
