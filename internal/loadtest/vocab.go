package loadtest

// The vocabulary generated resumes and jobs are made of. It is small on
// purpose: search words must hit a realistic share of the candidates, from a
// few per cent (a rare skill) to most of them (a common one).
//
// TODO: the vocabulary is smaller than real resumes', so generated resumes
// resemble each other more: common search words match larger shares, and
// their simhash bands cluster (up to a few hundred candidates share a band
// value in 100,000), which makes the near-duplicate check on a candidate's
// page read more rows than it would on real data.

var firstNames = []string{
	"Ana", "Ben", "Carla", "David", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas",
	"Kemi", "Liam", "Maria", "Nikolai", "Olga", "Pedro", "Quinn", "Rosa", "Samir", "Tara",
	"Uma", "Victor", "Wen", "Ximena", "Yusuf", "Zoe", "Amara", "Bruno", "Chloe", "Dmitri",
	"Esther", "Felix", "Gita", "Hugo", "Ivy", "Jamal", "Keiko", "Lucas", "Mei", "Noah",
	"Omar", "Priya", "Rafael", "Sofia", "Tomas", "Valentina", "William", "Yara", "Zain", "Leila",
}

var lastNames = []string{
	"Garcia", "Smith", "Okafor", "Tanaka", "Muller", "Rossi", "Silva", "Kowalski", "Nguyen",
	"Haddad", "Johnson", "Ivanova", "Dubois", "Fernandez", "Chen", "Kim", "Patel", "Larsen",
	"Novak", "Mendes", "Brown", "Wilson", "Moreau", "Schmidt", "Costa", "Yilmaz", "Khan",
	"Andersson", "OConnor", "Petrov", "Sato", "Lopez", "Ali", "Horvat", "Jensen", "Kaur",
	"Martin", "Bianchi", "Santos", "Weber", "Adeyemi", "Nakamura", "Popescu", "Reyes", "Varga",
}

var skills = []string{
	"Python", "Go", "Java", "Kotlin", "TypeScript", "JavaScript", "React", "Vue.js", "Angular",
	"Node.js", "PostgreSQL", "MySQL", "SQLite", "Redis", "Kafka", "RabbitMQ", "Docker",
	"Kubernetes", "Terraform", "Ansible", "AWS", "Azure", "Google Cloud", "Linux", "Bash",
	"Git", "CI/CD", "GraphQL", "REST APIs", "gRPC", "Microservices", "Django", "Flask",
	"FastAPI", "Spring Boot", "Ruby on Rails", "PHP", "Laravel", "C#", ".NET", "C++", "Rust",
	"Scala", "Spark", "Hadoop", "Airflow", "dbt", "Snowflake", "BigQuery", "Tableau",
	"Power BI", "Excel", "SQL", "Machine learning", "TensorFlow", "PyTorch", "pandas",
	"NumPy", "Statistics", "Data analysis", "Agile", "Scrum", "Jira", "Confluence",
	"Project management", "Stakeholder management", "Budgeting", "Forecasting",
	"Financial modelling", "Accounting", "Payroll", "Recruiting", "Onboarding",
	"Salesforce", "HubSpot", "SEO", "Content marketing", "Copywriting", "Figma",
	"User research", "UX design", "Customer service", "Negotiation", "Public speaking",
	"Team leadership", "Mentoring", "Supply chain", "Logistics", "Procurement", "Six Sigma",
	"Lean", "Quality assurance", "Selenium", "Cypress", "Penetration testing", "SIEM",
	"Network security", "Cisco", "VMware", "Windows Server", "Active Directory", "SAP",
	"Oracle", "Nursing", "Patient care", "Pharmacology", "Teaching", "Curriculum design",
	"Spanish", "French", "German", "Mandarin", "AutoCAD", "SolidWorks", "MATLAB",
}

var titles = []string{
	"Software Engineer", "Senior Software Engineer", "Backend Developer", "Frontend Developer",
	"Full Stack Developer", "DevOps Engineer", "Site Reliability Engineer", "Data Engineer",
	"Data Scientist", "Data Analyst", "Machine Learning Engineer", "QA Engineer",
	"Security Analyst", "Network Administrator", "Systems Administrator", "Product Manager",
	"Project Manager", "Scrum Master", "UX Designer", "Technical Writer", "Business Analyst",
	"Financial Analyst", "Accountant", "HR Generalist", "Recruiter", "Marketing Manager",
	"Sales Representative", "Account Manager", "Customer Success Manager", "Operations Manager",
	"Supply Chain Analyst", "Registered Nurse", "Teacher", "Mechanical Engineer",
	"Civil Engineer", "Electrical Engineer", "Office Manager", "Support Engineer",
}

var companies = []string{
	"Northwind Traders", "Contoso", "Fabrikam", "Globex", "Initech", "Umbrella Health",
	"Stark Logistics", "Wayne Analytics", "Acme Corporation", "Hooli", "Pied Piper",
	"Vandelay Industries", "Cyberdyne Systems", "Soylent Foods", "Tyrell Labs",
	"Blue Harbor Bank", "Greenfield Schools", "Summit Retail", "Atlas Manufacturing",
	"Beacon Insurance", "Cobalt Networks", "Delta Pharma", "Evergreen Energy",
	"Falcon Aerospace", "Granite Construction", "Horizon Media", "Ion Telecom",
	"Juniper Consulting", "Keystone Logistics", "Lumen Software", "Meridian Hospital",
	"Nimbus Cloud", "Orbit Games", "Pioneer Foods", "Quantum Robotics", "Redwood Capital",
}

var cities = []string{
	"Lisbon", "Madrid", "Berlin", "Paris", "London", "Dublin", "Amsterdam", "Warsaw",
	"Prague", "Vienna", "Milan", "Stockholm", "Oslo", "Helsinki", "Toronto", "Chicago",
	"Austin", "Seattle", "Boston", "Denver", "Lagos", "Nairobi", "Bangalore", "Singapore",
	"Tokyo", "Sydney", "Sao Paulo", "Mexico City", "Remote",
}

var schools = []string{
	"University of Lisbon", "Technical University of Munich", "University of Toronto",
	"University of Manchester", "Politecnico di Milano", "KTH Royal Institute of Technology",
	"University of Texas at Austin", "University of Lagos", "National University of Singapore",
	"University of Warsaw", "Universidad de Buenos Aires", "Trinity College Dublin",
	"University of Washington", "Delft University of Technology", "Indian Institute of Science",
}

var degrees = []string{
	"BSc in Computer Science", "MSc in Computer Science", "BSc in Mathematics",
	"BA in Economics", "MBA", "BSc in Mechanical Engineering", "BSc in Nursing",
	"BA in Business Administration", "MSc in Data Science", "BEd in Education",
	"BSc in Electrical Engineering", "BA in Communications", "BSc in Accounting",
}

var verbs = []string{
	"Built", "Designed", "Led", "Maintained", "Migrated", "Automated", "Improved",
	"Reduced", "Launched", "Owned", "Scaled", "Refactored", "Introduced", "Coordinated",
	"Delivered", "Negotiated", "Trained", "Audited", "Streamlined", "Supported",
}

var objects = []string{
	"the billing platform", "an internal reporting tool", "the customer onboarding flow",
	"a data pipeline processing millions of events a day", "the mobile checkout",
	"quarterly financial reports", "the hiring process for three teams",
	"a monitoring and alerting stack", "the legacy monolith", "a self-service analytics portal",
	"vendor contracts worth several million", "the warehouse management system",
	"patient scheduling", "the public website", "a fraud detection model",
	"release engineering", "the on-call rotation", "a training programme for new hires",
}

var outcomes = []string{
	"cutting costs by 20%", "halving response times", "with zero downtime",
	"raising customer satisfaction scores", "ahead of schedule", "for 2 million users",
	"reducing errors by a third", "across five countries", "within budget",
	"improving retention by 15%", "doubling throughput", "saving 10 hours a week",
}

var deletionReasons = []string{
	"Duplicate profile", "Candidate withdrew", "Uploaded to the wrong job",
	"Requested erasure", "Test upload",
}

var months = []string{
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
}
