import { randomBytes } from "node:crypto";

/** 18 random bytes: 24 URL-safe characters, well past the minimum length and any guessing. */
export const generatePassword = () => randomBytes(18).toString("base64url");
