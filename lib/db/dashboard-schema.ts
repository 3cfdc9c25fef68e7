/** The PostgreSQL schema the dashboard owns; everything it stores lives here. */
export const DASHBOARD_SCHEMA = "variance_dashboard";
