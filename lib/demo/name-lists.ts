/** Word lists for demo names. None contains "spare": that word must only mean a spare device. */

export const ORGANIZATION_PREFIXES = [
  "Acme", "Summit", "Riverbend", "Lakeside", "Pinnacle", "Bayou", "Crescent", "Magnolia", "Cypress", "Gulf Coast",
  "Delta", "Pelican", "Oakridge", "Cedar Creek", "Redstone", "Bluewater", "Northshore", "Southgate", "Ironwood",
  "Silverline", "Harbor", "Prairie", "Evergreen", "Granite", "Keystone", "Lighthouse", "Meridian", "Heritage",
  "Liberty", "Frontier", "Coastal", "Sterling", "Trinity", "Vanguard", "Beacon", "Audubon", "Bienville", "Tchefuncte",
  "Chenier", "Live Oak", "Pontchartrain", "Atchafalaya", "Vermilion", "Sabine", "Teche", "Acadiana", "Westbank",
  "Northlake", "Riverside", "Old Metairie",
] as const;

export const ORGANIZATION_TRADES = [
  "Dental", "Family Medicine", "Law Group", "CPA Group", "Engineering", "Construction", "Realty", "Insurance",
  "Veterinary Clinic", "Logistics", "Marine Services", "Orthodontics", "Title", "Architects", "Manufacturing",
  "Credit Union", "Pediatrics", "Physical Therapy", "Energy", "Wealth Advisors", "Surveying", "Electric",
  "Dermatology", "Home Health",
] as const;

/** Spellings of each legal form a client may have; each vendor writes it its own way, or leaves it out. */
export const LEGAL_SUFFIX_SPELLINGS = [
  [", LLC", " LLC", ", L.L.C."],
  [", Inc.", " Inc.", " Inc"],
  [" Corp.", " Corporation"],
  [", PLLC", " PLLC"],
  [" Co.", " Company"],
] as const;

export const FIRST_NAMES = [
  "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth", "William",
  "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen", "Christopher", "Lisa",
  "Daniel", "Nancy", "Matthew", "Betty", "Anthony", "Margaret", "Mark", "Sandra", "Donald", "Ashley", "Steven",
  "Kimberly", "Paul", "Emily", "Andrew", "Donna", "Joshua", "Michelle", "Kenneth", "Carol", "Kevin", "Amanda",
  "Brian", "Melissa", "George", "Deborah", "Timothy", "Stephanie", "Ronald", "Rebecca", "Jason", "Laura", "Ryan",
  "Helen", "Jacob", "Amy", "Gary", "Angela", "Nicholas", "Anna", "Eric", "Brenda", "Jonathan", "Pamela", "Justin",
  "Nicole", "Scott", "Katherine", "Brandon", "Samantha", "Benjamin", "Christine", "Rémy", "Zoë", "Jean-Paul",
] as const;

export const LAST_NAMES = [
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
  "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee",
  "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young",
  "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker",
  "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "Boudreaux", "Thibodeaux", "LeBlanc", "Hebert",
  "Landry", "Broussard", "Guidry", "Fontenot", "Arceneaux", "O'Brien", "St. Germain", "Tran", "Pham",
] as const;

/** Locations besides each client's "Main Office". */
export const BRANCH_SITES = [
  "Downtown Office", "Northshore Office", "Westbank Clinic", "Warehouse", "Baton Rouge Office",
  "Lafayette Office", "Remote Workers", "Plant 2", "Field Office", "Houma Office", "Mandeville Office",
] as const;

/** Client-side spare locations: anything here is billed as spare. */
export const SPARE_SITES = ["Spares", "Spare Inventory", "Storage - Spare PCs"] as const;

export const SERVER_ROLES = ["DC", "FS", "VEEAM", "SQL", "APP", "RDS", "HV", "PRINT", "QB", "UTIL", "WEB"] as const;

export const DNS_SUFFIXES = ["corp.local", "local", "ad", "lan", "internal"] as const;
