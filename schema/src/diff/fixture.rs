//! A small but complete plan for the diff's tests: every collection, nested steps and
//! findings, approvals and allowances.

use serde_json::{Value, json};

use crate::model::Plan;

/// The base plan as JSON.
pub(crate) fn base_value() -> Value {
    json!({
        "format_version": 1,
        "organisation": {"name": "Gemeente Heidebeek", "kind": "municipality"},
        "plan": {
            "title": "Bedrijfscontinuïteitsplan ICT",
            "version": "2026.1",
            "language": "nl",
            "classification": "internal",
            "purpose": "Diensten snel herstellen.",
            "scope": "Alle ICT van het gemeentehuis.",
            "owner": "an",
            "contributors": ["an", "bert"],
            "review_interval_months": 12,
            "last_review": "2026-01-15",
            "approvals": [
                {"version": "2025.1", "date": "2025-02-01", "approved_by": "College"},
                {"version": "2026.1", "date": "2026-02-01", "approved_by": "College"}
            ],
            "backup_procedure": {"title": "Back-upprocedure", "location": "DMS 2026/ICT/014"}
        },
        "activation": {
            "criteria": ["Uitval van een kritieke dienst langer dan 1 uur"],
            "authorised_roles": ["coordinator"],
            "full_recovery": ["Alle kritieke diensten draaien"]
        },
        "people": [
            {"id": "an", "name": "An Peeters", "function": "Algemeen directeur",
             "phones": [{"number": "+32 470 11 11 11", "kind": "mobile", "after_hours": true}]},
            {"id": "bert", "name": "Bert Claes", "function": "ICT-verantwoordelijke",
             "phones": [{"number": "+32 470 22 22 22", "kind": "mobile"}], "email": "bert@heidebeek.be"},
            {"id": "carla", "name": "Carla Wouters", "function": "Communicatie",
             "phones": [{"number": "+32 470 33 33 33", "kind": "mobile"}]},
            {"id": "dirk", "name": "Dirk Janssens", "function": "Diensthoofd burgerzaken"}
        ],
        "roles": [
            {"id": "coordinator", "name": "Crisiscoördinator", "crisis_team": true, "members": ["an", "bert"]},
            {"id": "ict", "name": "ICT", "crisis_team": true, "members": ["bert", "carla"]},
            {"id": "loket", "name": "Loketverantwoordelijke", "members": ["dirk"]}
        ],
        "services": [
            {"id": "burgerzaken", "name": "Burgerzaken", "owner": "dirk", "criticality": "critical", "priority": 1,
             "rto": "4h", "rpo": "1h", "mtd": "1d", "wrt": "2h", "depends_on": ["dms", "ad"],
             "alternate_locations": ["bib"], "peak_periods": ["verkiezingen"]},
            {"id": "website", "name": "Website", "criticality": "medium", "priority": 3, "rto": "1d", "rpo": "1d"},
            {"id": "belastingen", "name": "Belastingen", "criticality": "high", "priority": 2, "rto": "2d",
             "depends_on": ["dms"]}
        ],
        "systems": [
            {"id": "ad", "name": "Active Directory", "kind": "identity", "redundancy": "hot_standby",
             "backup": {"frequency": "1d", "retention": "4w", "offline_copy": true, "immutable_copy": false},
             "recovery": {"time": "4h", "steps": ["Herstel DC", "Controleer replicatie"]}},
            {"id": "dms", "name": "Documentbeheer", "kind": "application", "supplier": "cipal", "depends_on": ["ad", "san"],
             "redundancy": "none", "backup": {"frequency": "1h", "offline_copy": false, "immutable_copy": true}},
            {"id": "san", "name": "Opslag", "kind": "storage", "location": "gemeentehuis", "redundancy": "active_active",
             "replacement": {"lead_time": "2w", "spare_available": false}}
        ],
        "suppliers": [
            {"id": "cipal", "name": "Cipal Schaubroeck", "contacts": [
                {"function": "Service desk", "phone": "+32 14 00 00 00", "availability": "24/7", "emergency": true},
                {"name": "Eva", "function": "Accountmanager", "availability": "office_hours"}
            ], "contract": {"reference": "C-1", "sla": {"hours": "24/7", "response_time": "1h"}}}
        ],
        "locations": [
            {"id": "gemeentehuis", "name": "Gemeentehuis", "kind": "primary"},
            {"id": "bib", "name": "Bibliotheek", "kind": "alternate", "capacity": 20, "ict": ["4G-router", "laptops"]}
        ],
        "scenarios": [
            {"id": "ransomware", "name": "Ransomware", "triggers": ["Versleutelde bestanden"],
             "affected_systems": ["dms", "ad"], "steps": [
                {"id": "isolate", "action": "Koppel servers los", "role": "ict", "duration": "30m"},
                {"id": "notify", "action": "Verwittig CERT.be", "role": "coordinator"},
                {"id": "restore", "action": "Herstel van offline back-up", "role": "ict", "systems": ["ad", "dms"]}
            ]},
            {"id": "power", "name": "Stroomuitval", "steps": [
                {"id": "generator", "action": "Start generator", "role": "ict"}
            ]}
        ],
        "risks": [
            {"id": "ransomware-risk", "title": "Ransomware-aanval", "likelihood": 4, "impact": 5, "treatment": "mitigate",
             "mitigations": ["EDR", "Offline back-ups"], "scenarios": ["ransomware"]}
        ],
        "communication": {
            "audiences": [
                {"id": "staff", "kind": "staff", "name": "Personeel", "channels": ["SMS"], "responsible": "coordinator"},
                {"id": "citizens", "kind": "citizens", "name": "Burgers", "channels": ["Website", "Facebook"], "responsible": "coordinator"}
            ],
            "templates": [
                {"id": "citizens-closed", "audience": "citizens", "scenario": "ransomware", "subject": "Loketten dicht",
                 "body": "De loketten zijn gesloten tot [uur]."}
            ]
        },
        "distribution": [
            {"id": "copy-an", "holder": "an", "form": "paper", "version": "2026.1", "date": "2026-02-02"}
        ],
        "exercise_schedule": [
            {"id": "tabletop-yearly", "kind": "tabletop", "interval_months": 12}
        ],
        "exercises": [
            {"id": "tabletop-2025", "date": "2025-10-01", "kind": "tabletop", "title": "Tafeloefening ransomware",
             "scenario": "ransomware", "participants": ["an", "bert"], "result": "passed_with_findings",
             "findings": [
                {"id": "phone-list", "description": "Telefoonlijst verouderd"},
                {"id": "no-paper", "description": "Geen papieren kopie"}
             ]}
        ],
        "actions": [
            {"id": "update-phones", "title": "Telefoonlijst bijwerken", "origin": "exercise", "exercise": "tabletop-2025",
             "finding": "phone-list", "owner": "bert", "due": "2026-01-01", "status": "done", "completed": "2025-12-01"}
        ],
        "incidents": [
            {"id": "power-2025", "date": "2025-11-03", "title": "Stroomuitval", "plan_activated": true}
        ],
        "allow": [
            {"rule": "single-point-of-failure", "subject": "systems/dms", "reason": "Vervanging gepland"},
            {"rule": "exercise-overdue", "reason": "Oefening gepland"}
        ]
    })
}

/// The base plan.
pub(crate) fn base() -> Plan {
    serde_json::from_value(base_value()).expect("the fixture is a plan")
}
