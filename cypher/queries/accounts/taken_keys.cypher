// Whether an account holds the email $emailKey or the handle $handleKey (both lower-cased).
RETURN EXISTS { MATCH (:User {emailKey: $emailKey}) } AS emailTaken,
       EXISTS { MATCH (:User {handleKey: $handleKey}) } AS handleTaken
