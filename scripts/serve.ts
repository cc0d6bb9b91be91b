/** `npm start`: serves the built site on localhost and prints its address. */
import {existsSync} from "node:fs";
import {serveStatic} from "./static-server.js";

const dir = process.argv[2] ?? "dist";
if (!existsSync(dir)) {
  console.error(`nothing to serve: ${dir} does not exist (run npm run build first)`);
  process.exit(1);
}
const port = Number(process.env.PORT ?? 3000);
const {url} = await serveStatic(dir, {port, compress: true, host: process.env.HOST ?? "127.0.0.1"});
console.log(`SEND Commissioning Insight is being served from ${dir}/ at ${url}/ (Ctrl+C to stop)`);
