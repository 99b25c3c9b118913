/**
 * Variables that may hold a token, for masking: whichever applies, none may ever be printed. Kept
 * apart from auth.ts so that masking them costs an offline draft nothing.
 */
export const TOKEN_VARIABLES = ["GITHUB_TOKEN", "GH_TOKEN", "GH_ENTERPRISE_TOKEN", "GITHUB_ENTERPRISE_TOKEN"] as const;
