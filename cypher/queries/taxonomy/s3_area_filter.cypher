// Filter of the S3 areas connection: one programming period, or both.
$period IS NULL OR n.period = $period
