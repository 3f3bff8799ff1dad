// Whether any document version still holds the bytes with SHA-256 $sha256.
RETURN EXISTS { (:Document {sha256: $sha256}) } AS referenced
