// The number it is given.
RETURN $number AS number
