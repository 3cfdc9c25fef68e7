import { randomBytes } from "node:crypto";

/** Short enough for a person to read out from an error message, unique enough to find its log line. */
export const newRequestId = () => randomBytes(5).toString("hex");
