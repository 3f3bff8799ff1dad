// A read that fails in Neo4j when `$divisor` is 0 (a / by zero error).
RETURN 1 / $divisor AS quotient
