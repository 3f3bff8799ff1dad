// The peer of benchmarks/peer_compare.py: the Neo4j GraphQL Library (7.x) on Apollo Server,
// as its getting-started guide serves it, over the same Neo4j and the same graph as the API.
//
//   PEER_PORT=4000 PEER_WORKERS=2 NEO4J_URI=bolt://127.0.0.1:7689 NEO4J_PASSWORD=... node server.js
//
// PEER_WORKERS processes share the port (node:cluster), as the API's uvicorn workers do, so
// that both use the machine's cores alike. Listens on 127.0.0.1 only.
import cluster from "node:cluster";
import { readFileSync } from "node:fs";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const port = Number(process.env.PEER_PORT ?? 4000);
const workers = Number(process.env.PEER_WORKERS ?? 1);

async function serve() {
  const typeDefs = readFileSync(new URL("./typeDefs.graphql", import.meta.url), "utf8");
  const driver = neo4j.driver(
    process.env.NEO4J_URI ?? "bolt://127.0.0.1:7689",
    neo4j.auth.basic(process.env.NEO4J_USER ?? "neo4j", process.env.NEO4J_PASSWORD ?? ""),
  );
  const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
  const server = new ApolloServer({ schema });
  await startStandaloneServer(server, { listen: { host: "127.0.0.1", port } });
  const stop = async () => {
    await server.stop();
    await driver.close();
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

if (workers > 1 && cluster.isPrimary) {
  for (let index = 0; index < workers; index += 1) cluster.fork();
  const stop = () => {
    for (const worker of Object.values(cluster.workers)) worker.kill("SIGTERM");
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  cluster.on("exit", (worker, code) => {
    if (code !== 0 && !process.exitCode) process.exitCode = code;
    if (Object.keys(cluster.workers).length === 0) process.exit();
  });
} else {
  serve().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
