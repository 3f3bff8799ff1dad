// What a loaded data set was generated from, if it was loaded.
MATCH (d:DataSet {name: $name})
RETURN d.fingerprint AS fingerprint, d.seed AS seed, d.scale AS scale
