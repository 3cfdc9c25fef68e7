"use client";

// The dashboard's error screen, with its retry, scoped to the devices section.
export { default } from "../error";
