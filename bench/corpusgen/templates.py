"""Sentence templates and vocabularies for synthetic clinical notes.

A template is a str.format-style string. A field is one of:
  - a PHI field of NoteWriter (pt_name, date, phone, ...), recorded as a span;
  - a vocabulary name from WORDS, replaced by a random entry;
  - {int:LO:HI} or {dec:LO:HI:PLACES}, a random number (not PHI);
  - {age}, a random age: PHI (AGE) only when above 89, as Safe Harbor says.
"""

WORDS = {
    "sex": ("M", "F"),
    "sex_word": ("male", "female", "man", "woman", "gentleman", "lady"),
    "cond": ("type 2 diabetes mellitus", "hypertension", "hyperlipidemia",
             "COPD", "asthma", "CKD stage 3a", "atrial fibrillation",
             "congestive heart failure", "coronary artery disease",
             "GERD", "hypothyroidism", "major depressive disorder",
             "generalized anxiety disorder", "obstructive sleep apnea",
             "osteoarthritis", "chronic low back pain", "migraine",
             "obesity", "prior CVA", "peripheral neuropathy", "BPH",
             "iron deficiency anemia", "gout", "rheumatoid arthritis"),
    "complaint": ("chest pain", "shortness of breath", "productive cough",
                  "intermittent palpitations", "lower back pain",
                  "abdominal pain", "nausea and vomiting", "dizziness",
                  "fatigue", "headache", "dysuria", "leg swelling",
                  "fever and chills", "worsening dyspnea on exertion",
                  "right knee pain", "rash on the forearms"),
    "sym": ("fever", "chills", "night sweats", "weight loss", "hemoptysis",
            "syncope", "orthopnea", "PND", "melena", "hematochezia",
            "dysuria", "focal weakness", "vision changes", "diarrhea"),
    "trigger": ("exertion", "a viral illness", "a fall at home",
                "running out of medications", "a long car trip",
                "starting a new exercise program", "eating"),
    "unit": ("days", "weeks", "months"),
    "med": ("metformin 500 mg PO BID", "metformin 1000 mg PO BID",
            "lisinopril 10 mg PO daily", "lisinopril 20 mg PO daily",
            "amlodipine 5 mg PO daily", "atorvastatin 40 mg PO qHS",
            "rosuvastatin 20 mg PO daily",
            "metoprolol succinate 50 mg PO daily",
            "apixaban 5 mg PO BID", "furosemide 40 mg PO daily",
            "levothyroxine 88 mcg PO daily", "omeprazole 20 mg PO daily",
            "sertraline 50 mg PO daily", "gabapentin 300 mg PO TID",
            "insulin glargine 22 units SC qHS",
            "insulin lispro 4-6 units SC with meals",
            "albuterol 90 mcg/actuation 2 puffs q4-6h PRN",
            "tiotropium 18 mcg inhaled daily", "aspirin 81 mg PO daily",
            "acetaminophen 650 mg PO q6h PRN pain",
            "ondansetron 4 mg IV q8h PRN nausea",
            "ceftriaxone 1 g IV q24h", "vancomycin 1.25 g IV q12h",
            "heparin 5,000 units SC q8h", "prednisone 40 mg PO daily x 5 days",
            "tamsulosin 0.4 mg PO qHS", "allopurinol 100 mg PO daily",
            "potassium chloride 20 mEq PO daily"),
    "allergen": ("penicillin", "sulfa drugs", "codeine", "latex",
                 "shellfish", "iodinated contrast", "amoxicillin", "NSAIDs"),
    "reaction": ("hives", "rash", "anaphylaxis", "nausea", "angioedema",
                 "itching"),
    "gen": ("alert and oriented x3, in no acute distress",
            "well-appearing, comfortable at rest",
            "mildly uncomfortable, speaking in full sentences",
            "ill-appearing, diaphoretic"),
    "lungs": ("clear to auscultation bilaterally",
              "diffuse expiratory wheezes", "bibasilar crackles",
              "decreased breath sounds at the right base"),
    "heart": ("regular rate and rhythm, no murmurs",
              "irregularly irregular, no murmurs",
              "RRR, II/VI systolic murmur at the RUSB"),
    "abd": ("soft, non-tender, non-distended",
            "mild epigastric tenderness, no rebound or guarding",
            "obese, soft, normoactive bowel sounds"),
    "ext": ("no edema", "1+ pitting edema bilaterally",
            "2+ pitting edema to the mid-shin", "warm and well perfused"),
    "plan": ("continue current regimen", "increase dose as tolerated",
             "check BMP in 1 week", "start low-dose statin",
             "refer to physical therapy", "obtain echocardiogram",
             "diet and exercise counseling provided",
             "hold medication pending renal function",
             "repeat HbA1c in 3 months", "titrate to goal BP < 130/80"),
    "icd": ("E11.9", "I10", "E78.5", "J44.1", "J45.909", "N18.31", "I48.91",
            "I50.22", "I25.10", "K21.9", "E03.9", "F33.1", "F41.1", "G47.33",
            "M17.11", "M54.50", "G43.909", "E66.9", "R07.9", "R06.02",
            "N39.0", "D50.9", "M10.9", "Z79.4"),
    "cpt": ("99213", "99214", "99215", "93000", "71046", "80053", "85025",
            "83036"),
    "relation": ("wife", "husband", "daughter", "son", "sister", "brother",
                 "mother", "partner", "niece"),
    "job": ("retired teacher", "truck driver", "accountant", "nurse",
            "construction worker", "software engineer", "student",
            "restaurant manager", "electrician"),
    "payer": ("Blue Cross Blue Shield", "Aetna", "UnitedHealthcare", "Cigna",
              "Humana", "Medicaid", "Kaiser Permanente", "Tufts Health Plan"),
    "facility": ("Riverside Medical Center", "St. Luke's Hospital",
                 "Valley Family Practice", "Northshore Internal Medicine",
                 "Mercy Health Clinic",
                 "Summit Pediatrics and Family Care"),
    "exam_type": ("CT abdomen and pelvis with IV contrast",
                  "CT chest without contrast",
                  "MRI lumbar spine without contrast",
                  "chest X-ray, 2 views", "ultrasound right upper quadrant",
                  "CT head without contrast"),
    "finding": ("No acute intracranial abnormality.",
                "Mild bibasilar atelectasis. No focal consolidation.",
                "Cholelithiasis without evidence of acute cholecystitis.",
                "Degenerative disc disease at L4-L5 with mild foraminal "
                "narrowing.",
                "4 mm nodule in the right upper lobe, likely benign.",
                "No evidence of bowel obstruction or free air."),
    "route": ("PO", "IV", "SC", "IM"),
    "word_status": ("stable", "improved", "worse", "well controlled",
                    "suboptimally controlled", "unchanged"),
    "title": ("PROGRESS NOTE", "CLINIC VISIT", "OFFICE VISIT NOTE",
              "FOLLOW-UP VISIT", "ANNUAL WELLNESS VISIT"),
}

HEADERS = (
    "{facility}\n{title}\n\nPATIENT: {pt_name}\nDOB: {pt_dob}\n"
    "MRN: {pt_mrn}\nDATE OF SERVICE: {visit_date}\n"
    "ATTENDING: Dr. {dr_name}, MD\n",
    "Name: {pt_last}, {pt_first}    DOB: {pt_dob}    MRN# {pt_mrn}\n"
    "Acct #: {account}    Encounter #: {encounter}\n"
    "Visit date: {visit_date}\n",
    "{title} - {facility}\n"
    "Patient Name: {pt_name} (Sex: {sex}, DOB {pt_dob})\n"
    "Medical Record Number: {pt_mrn}\nProvider: {dr_name}, NP\n",
    "Pt: {pt_first} {pt_last}   MRN {pt_mrn}   "
    "Seen {visit_date} at {int:7:17}:{int:10:59}\n",
)

HPI = (
    "Patient is a {age}-year-old {sex_word} with {cond} and {cond} who "
    "comes in for follow-up of {complaint}, which has been {word_status} "
    "since the last visit.",
    "This is a {age} y/o {sex_word} with a past medical history of {cond} "
    "presenting with {complaint} that started {int:2:10} {unit} ago.",
    "The patient notes that symptoms are worse in the evening and improve "
    "somewhat after a night's rest; no clear relationship to meals.",
    "Previously tried {med} without benefit and stopped it because of "
    "side effects, mainly {reaction} and nausea.",
    "{pt_first} {pt_last} is a {age}-year-old {sex_word} with a history of "
    "{cond}, {cond} and {cond} who presents with {complaint} for the past "
    "{int:2:10} {unit}.",
    "Symptoms began on {date} after {trigger}.",
    "Denies {sym}, {sym}, or {sym}.",
    "Patient was last seen in clinic on {date} by Dr. {dr_last}.",
    "Reports {complaint} rated {int:2:9}/10, worse with {trigger}.",
    "Was evaluated at an outside ED on {date}; records faxed from {fax}.",
    "{pt_first} states the pain started around {int:1:12}:{int:10:59} pm "
    "and has been constant since.",
    "Home glucose readings have ranged {int:90:140}-{int:150:320} mg/dL.",
    "Daughter {rel_name} accompanies the patient today and helps with "
    "medications.",
    "Of note, the patient missed the appointment on {date} due to "
    "transportation issues.",
    "No recent travel. No sick contacts.",
    "Compliance with medications has been fair; ran out of {med} about "
    "{int:2:14} days ago.",
    "Prior colonoscopy {date} showed two tubular adenomas.",
    "The {complaint} is described as dull and intermittent, without "
    "radiation, and is partially relieved by rest and acetaminophen.",
    "Over the last {int:2:6} weeks there has been gradual progression with "
    "reduced exercise tolerance; now able to walk about {int:1:4} blocks "
    "before stopping.",
    "No chest pain at rest, no lightheadedness, and no recent changes in "
    "diet, although appetite has been somewhat reduced.",
    "Reports adherence to {med} and {med}, and checks blood pressure at "
    "home a few times per week with readings mostly in the 130s systolic.",
    "Associated symptoms include mild {sym} and intermittent {sym}; "
    "pertinent negatives include no {sym} and no {sym}.",
    "An outpatient trial of {med} provided only partial relief, and the "
    "patient is requesting further evaluation today.",
    "Sleep has been poor, averaging {int:4:6} hours per night, with daytime "
    "fatigue that interferes with work as a {job}.",
)

PMH = (
    "Past medical history: {cond}; {cond}; {cond}; {cond}.",
    "PMH significant for {cond} (dx {int:2001:2021}) and {cond}.",
    "Surgical history: appendectomy ({int:1970:2015}), right knee "
    "arthroscopy.",
    "Family history: father with {cond}, mother with {cond}.",
)

SOCIAL = (
    "Social history: lives with {relation} at {address}, {city}, {state} "
    "{zip}. Works as a {job}.",
    "Former smoker, {int:5:40} pack-years, quit in {int:1995:2020}. "
    "Drinks {int:0:6} beers per week.",
    "Emergency contact: {rel_name} ({relation}), {phone}.",
    "Best contact number is {phone}; OK to leave a voicemail.",
    "Patient prefers email for portal messages: {email}.",
    "Home address on file: {address}, {city}, {state} {zip}.",
    "Lives alone in a second-floor apartment in {city}; ZIP code {zip}.",
)

VITALS = (
    "Vitals: BP {int:98:168}/{int:58:98}, HR {int:54:118}, RR {int:12:24}, "
    "Temp {dec:97:101:1} F, SpO2 {int:89:100}% on RA, Wt {dec:48:140:1} kg, "
    "BMI {dec:18:44:1}.",
    "BP {int:98:168}/{int:58:98} (repeat {int:98:168}/{int:58:98}), "
    "pulse {int:54:118}, afebrile.",
    "Vitals at {int:10:23}:{int:10:59}: BP {int:98:168}/{int:58:98}, "
    "HR {int:54:118}, SpO2 {int:90:100}%.",
)

EXAM = (
    "General: {gen}. Lungs: {lungs}. CV: {heart}. Abdomen: {abd}. "
    "Extremities: {ext}.",
    "HEENT: PERRLA, EOMI, oropharynx clear. Neck: supple, no JVD. "
    "Lungs: {lungs}. Heart: {heart}.",
    "Skin: warm, dry, no rashes. Neuro: CN II-XII intact, strength 5/5 "
    "throughout.",
    "Musculoskeletal: full range of motion of all extremities; mild "
    "crepitus of both knees without effusion; no joint line tenderness.",
    "Psych: appropriate mood and affect, good insight and judgment, "
    "linear thought process. Gait: steady, uses a cane for longer distances.",
    "Foot exam: intact sensation to 10 g monofilament bilaterally, "
    "dorsalis pedis pulses 2+, no ulcers or calluses.",
    "Back: no midline tenderness, paraspinal muscle spasm on the left, "
    "straight leg raise negative bilaterally.",
)

LABS = (
    "Labs ({date}): Na {int:130:146}, K {dec:3:5.6:1}, Cl {int:95:110}, "
    "CO2 {int:19:31}, BUN {int:7:48}, Cr {dec:0.6:2.9:2}, "
    "Glu {int:70:320}.",
    "CBC: WBC {dec:3.5:18:1}, Hgb {dec:8:16.5:1}, Hct {dec:25:48:1}, "
    "Plt {int:110:450}.",
    "HbA1c {dec:5.4:11.9:1}% (previous {dec:5.4:11.9:1}% on {date}).",
    "Lipid panel: TC {int:140:280}, LDL {int:60:190}, HDL {int:30:80}, "
    "TG {int:80:400} mg/dL.",
    "TSH {dec:0.3:6.5:2} mIU/L, INR {dec:0.9:3.4:1}, BNP {int:20:1800} "
    "pg/mL, troponin < 0.01 ng/mL.",
    "UA: SG 1.0{int:10:30}, pH {dec:5:8:1}, nitrite negative, "
    "leukocyte esterase trace.",
)

MEDS_HEAD = ("Medications:", "Current medications:", "Home meds:",
             "Discharge medications:")

ALLERGIES = (
    "Allergies: {allergen} ({reaction}), {allergen} ({reaction}).",
    "Allergies: NKDA.",
    "Allergic to {allergen} - {reaction}.",
)

PLAN = (
    "{int:1:4}. {cond} ({icd}): {plan}; {plan}.",
    "{int:1:4}. {cond} - {plan}.",
    "Follow up with Dr. {dr_last} in {int:2:12} weeks; call {clinic_phone} "
    "with questions.",
    "Referral to cardiology faxed to {fax} on {date}.",
    "Return precautions reviewed. Next appointment {date} at "
    "{int:8:16}:{int:10:59}.",
    "Patient portal: {url}",
    "Billing: CPT {cpt}; ICD-10 {icd}, {icd}. Account {account}.",
    "Time spent: {int:20:60} minutes, more than half in counseling.",
    "{int:1:4}. Health maintenance: colonoscopy up to date, mammogram "
    "ordered, lipid panel and HbA1c at the next visit.",
    "{int:1:4}. {cond}: stable; continue {med}. Recheck in {int:3:6} months.",
    "{int:1:4}. {cond}: {plan}; {plan}; discussed expected course.",
    "Prior authorization submitted to {payer}, member ID {member_id}.",
)

BILLING = (
    "Insurance: {payer}, Member ID: {member_id}, Group #{int:10000:99999}.",
    "Medicare MBI: {mbi}. Secondary: {payer}.",
    "SSN: {ssn}",
    "Patient SSN {ssn} verified with photo ID.",
    "Card on file for copay: {credit_card}, exp {int:1:12}/{int:25:31}.",
    "Referring provider: Dr. {dr_name}, NPI {npi}.",
    "Rendering NPI: {npi}; Tax ID on file.",
    "Guarantor: {rel_name}, {address}, {city}, {state} {zip}, "
    "phone {phone}.",
    "Records requested from the outside hospital; please fax to {fax} "
    "(Attn: HIM).",
)

DISCHARGE = (
    "Admission Date: {date}\nDischarge Date: {date}\n",
    "Hospital course: {pt_first} was admitted for {cond} exacerbation and "
    "treated with {med} with improvement.",
    "Discharge condition: stable. Disposition: home with {relation}.",
    "Follow-up appointment on {date} at {int:8:16}:{int:10:59} with "
    "Dr. {dr_last} at {facility}, {clinic_phone}.",
    "Discharge instructions sent to {email} and reviewed verbally.",
)

PHONE_ENC = (
    "Telephone encounter {date} {int:8:17}:{int:10:59}: spoke with patient "
    "at {phone} regarding lab results.",
    "Left voicemail for {pt_first} at {phone}; asked to call back at "
    "{clinic_phone}.",
    "Pharmacy called from {phone} to clarify dose of {med}.",
    "Fax received from {fax} (Attn: Dr. {dr_last}), {int:2:14} pages.",
    "Prior authorization form completed; Fax # {fax}, Tel {phone}.",
)

RADIOLOGY = (
    "EXAM: {exam_type}\nDATE: {date}\nACCESSION #: {accession}\n"
    "INDICATION: {complaint}.\nCOMPARISON: {date}.\nFINDINGS: {finding} "
    "{finding}\nIMPRESSION: {finding}\n",
)

TELEHEALTH = (
    "Telehealth visit via {url}; patient connected from {ipv4}.",
    "Audit: chart accessed from workstation {ipv4} by {dr_last}.",
    "Video session client address {ipv6}, consent documented.",
)

SIGNATURES = (
    "\nElectronically signed by {dr_name}, MD on {date} "
    "{int:8:23}:{int:10:59}",
    "\n-- {dr_name}, PA-C. Pager {clinic_phone}. Fax: {fax}",
    "\nSigned: Dr. {dr_name} {date}",
    "\nDictated but not read. {dr_name}, MD",
)

ROS = (
    "Constitutional: negative for {sym} and {sym}. Eyes: no blurred vision. "
    "ENT: no sore throat or rhinorrhea.",
    "Cardiovascular: negative for chest pain, palpitations and leg swelling. "
    "Respiratory: positive for {complaint}; negative for wheezing.",
    "Gastrointestinal: no abdominal pain, constipation or blood in stool. "
    "Genitourinary: no hematuria, urgency or frequency.",
    "Musculoskeletal: chronic joint stiffness in the mornings lasting less "
    "than {int:10:45} minutes. Skin: no new lesions.",
    "Neurological: no numbness, tingling, or gait disturbance. Psychiatric: "
    "mood is stable, denies suicidal ideation.",
    "Endocrine: no polyuria, polydipsia or heat intolerance. Heme/lymph: "
    "no easy bruising or swollen glands.",
    "All other systems reviewed and are negative except as noted in the HPI.",
)

ASSESSMENT = (
    "{cond} appears {word_status} on the current regimen; the most recent "
    "values were reviewed with the patient in detail.",
    "The presentation is most consistent with an exacerbation of {cond}, "
    "less likely {cond}; will treat empirically and reassess.",
    "Risk factors for cardiovascular disease include {cond} and {cond}; "
    "10-year ASCVD risk estimated at {dec:3:28:1}%.",
    "Differential diagnosis includes {cond}, medication side effect, and "
    "deconditioning. Workup to date has been unrevealing.",
    "Renal function is {word_status}, with creatinine {dec:0.7:2.4:1} "
    "compared with {dec:0.7:2.4:1} at the prior visit.",
    "Goals of care were discussed; the patient wishes to continue full "
    "treatment and understands the plan.",
)

EDUCATION = (
    "Reviewed the importance of a low-sodium diet (under 2 g per day), "
    "daily weights, and calling if weight increases by more than 3 pounds "
    "in two days.",
    "Provided written instructions on inhaler technique with a spacer; "
    "patient demonstrated correct use in clinic.",
    "Discussed the signs of hypoglycemia and how to treat it with 15 g of "
    "fast-acting carbohydrate, then recheck in 15 minutes.",
    "Counseled on fall prevention at home, including removing loose rugs "
    "and installing grab bars in the bathroom.",
    "Encouraged at least 150 minutes of moderate aerobic activity per week "
    "as tolerated, and a Mediterranean-style diet.",
    "Vaccinations reviewed: influenza given today; pneumococcal and "
    "shingles vaccines recommended at the next visit.",
)

COURSE = (
    "On hospital day {int:1:3} the patient was started on {med} and "
    "{med}, with gradual improvement in symptoms over the following days.",
    "Blood cultures remained negative at 48 hours and antibiotics were "
    "narrowed to {med} to complete a {int:5:14}-day course.",
    "Physical therapy evaluated the patient and recommended discharge home "
    "with outpatient therapy twice weekly.",
    "Telemetry showed no significant arrhythmias. Electrolytes were "
    "repleted as needed and diuresis was continued with net negative "
    "{dec:1:6:1} L.",
    "Pain was controlled with {med}, and the patient was ambulating "
    "independently by the time of discharge.",
)

FILLER = (
    "Patient verbalized understanding of the plan.",
    "All questions were answered.",
    "Medication reconciliation completed.",
    "Discussed risks, benefits and alternatives; patient agrees.",
    "Counseled on smoking cessation and diet.",
    "Will continue to monitor.",
    "Reviewed outside records.",
    "No changes to medications today.",
)
