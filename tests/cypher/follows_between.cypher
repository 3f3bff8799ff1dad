// How many FOLLOWS relationships go from the person $follower to the node $subject.
MATCH (:User {id: $follower})-[follow:FOLLOWS]->({id: $subject})
RETURN count(follow) AS follows
