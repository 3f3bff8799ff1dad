// Record that a data set was loaded, with what it was generated from.
MERGE (d:DataSet {name: $name})
SET d.fingerprint = $fingerprint, d.seed = $seed, d.scale = $scale, d.loadedAt = datetime()
