//! The viewer's own words in Dutch and English. Plan text is always shown as written; only the
//! interface (headings, labels, the names of enumerated values) is translated.

use continuity_schema::diff::{Impact, Section, Tone};
use continuity_schema::finding::Severity;
use continuity_schema::model::{
    ActionOrigin, ActionStatus, AudienceKind, Availability, Classification, CopyForm, Criticality,
    ExerciseKind, ExerciseResult, LocationKind, OrganisationKind, PhoneKind, Redundancy,
    SystemKind, Treatment,
};
use continuity_schema::references::Collection;

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Dutch: the language of Flemish municipalities, and the default.
    #[default]
    Nl,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    /// The BCP 47 code, for `lang` attributes and storage.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// The language's name in itself, for the switch.
    pub fn name(self) -> &'static str {
        match self {
            Lang::Nl => "Nederlands",
            Lang::En => "English",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next().unwrap_or_default();
        match primary.to_ascii_lowercase().as_str() {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the Dutch or the English text.
    pub fn pick<'a>(self, nl: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }
}

macro_rules! messages {
    ($($key:ident => $nl:literal, $en:literal;)*) => {
        /// A fixed interface text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg { $($key,)* }

        impl Msg {
            pub fn text(self, lang: Lang) -> &'static str {
                match self {
                    $(Msg::$key => lang.pick($nl, $en),)*
                }
            }
        }
    };
}

messages! {
    SkipToContent => "Naar de inhoud", "Skip to content";
    MainNav => "Hoofdmenu", "Main navigation";
    Language => "Taal", "Language";
    Loading => "Laden…", "Loading…";
    Overview => "Overzicht", "Overview";
    CrisisTeam => "Crisisteam", "Crisis team";
    Team => "Rollen en personen", "Roles and people";
    Services => "Diensten", "Services";
    Systems => "Systemen", "Systems";
    Suppliers => "Leveranciers", "Suppliers";
    Locations => "Locaties", "Locations";
    Scenarios => "Scenario's", "Scenarios";
    Risks => "Risico's", "Risks";
    Communication => "Communicatie", "Communication";
    Exercises => "Oefeningen", "Exercises";
    Actions => "Acties", "Actions";
    Distribution => "Verdeling", "Distribution";
    Findings => "Bevindingen", "Findings";
    History => "Geschiedenis", "History";
    Compare => "Vergelijken", "Compare";
    People => "Personen", "People";
    Roles => "Rollen", "Roles";
    Audiences => "Doelgroepen", "Audiences";
    Templates => "Berichtsjablonen", "Message templates";
    ExerciseSchedule => "Oefenschema", "Exercise schedule";
    ExerciseLog => "Gehouden oefeningen", "Exercises held";
    Incidents => "Incidenten", "Incidents";
    Name => "Naam", "Name";
    Id => "Id", "Id";
    Function => "Functie", "Function";
    Organisation => "Organisatie", "Organisation";
    Phones => "Telefoon", "Phone";
    Email => "E-mail", "E-mail";
    Website => "Website", "Website";
    Address => "Adres", "Address";
    Members => "Leden", "Members";
    Primary => "eerste", "primary";
    Deputy => "vervanger", "deputy";
    AfterHours => "ook buiten de kantooruren", "also after hours";
    Responsibilities => "Verantwoordelijkheden", "Responsibilities";
    InCrisisTeam => "In het crisisteam", "In the crisis team";
    Yes => "ja", "yes";
    No => "nee", "no";
    Priority => "Prioriteit", "Priority";
    Criticality => "Kriticiteit", "Criticality";
    Rto => "RTO", "RTO";
    Rpo => "RPO", "RPO";
    Mtd => "MTD", "MTD";
    Wrt => "WRT", "WRT";
    RestartOrder => "Diensten in herstartvolgorde", "Services in restart order";
    DependsOn => "Steunt op", "Depends on";
    AllSystemsBeneath => "Alle systemen eronder", "All systems beneath";
    ManualFallback => "Noodwerking", "Manual fallback";
    AlternateLocations => "Uitwijklocaties", "Alternate locations";
    PeakPeriods => "Piekperiodes", "Peak periods";
    Impact => "Impact", "Impact";
    Owner => "Eigenaar", "Owner";
    Description => "Beschrijving", "Description";
    Kind => "Soort", "Kind";
    Location => "Locatie", "Location";
    Supplier => "Leverancier", "Supplier";
    EmergencyContact => "Noodcontact", "Emergency contact";
    Redundancy => "Redundantie", "Redundancy";
    Backup => "Back-up", "Backup";
    BackupFrequency => "Interval", "Frequency";
    Retention => "Bewaartermijn", "Retention";
    Method => "Methode", "Method";
    Offline => "Offline kopie", "Offline copy";
    Immutable => "Onwijzigbare kopie", "Immutable copy";
    LastRestoreTest => "Laatste hersteltest", "Last restore test";
    Recovery => "Herstel", "Recovery";
    RecoveryTime => "Hersteltijd", "Recovery time";
    RecoverySteps => "Herstelstappen", "Recovery steps";
    Procedure => "Procedure", "Procedure";
    Replacement => "Vervanging", "Replacement";
    LeadTime => "Levertijd", "Lead time";
    SpareAvailable => "Reservetoestel", "Spare available";
    Notes => "Opmerkingen", "Notes";
    Provides => "Levert", "Provides";
    CustomerNumber => "Klantnummer", "Customer number";
    Contacts => "Contacten", "Contacts";
    Availability => "Bereikbaarheid", "Availability";
    Emergency => "Noodnummer", "Emergency";
    Contract => "Contract", "Contract";
    Reference => "Referentie", "Reference";
    EndDate => "Einddatum", "End date";
    Sla => "SLA", "SLA";
    ResponseTime => "Reactietijd", "Response time";
    Capacity => "Capaciteit", "Capacity";
    AvailableWithin => "Beschikbaar binnen", "Available within";
    MinimalIct => "Minimale ICT", "Minimal ICT";
    CommunicationMeans => "Communicatiemiddelen", "Means of communication";
    Access => "Toegang", "Access";
    Contact => "Contactpersoon", "Contact";
    Map => "Kaart", "Map";
    Triggers => "Aanleidingen", "Triggers";
    AffectedServices => "Getroffen diensten", "Affected services";
    AffectedSystems => "Getroffen systemen", "Affected systems";
    Steps => "Stappen", "Steps";
    Checklist => "Checklist", "Checklist";
    ChecklistNote => "Vinkjes worden alleen in deze browser bewaard.", "Ticks are kept in this browser only.";
    ResetChecklist => "Alle vinkjes wissen", "Clear all ticks";
    StepsDone => "stappen afgevinkt", "steps ticked";
    Responsible => "Verantwoordelijke", "Responsible";
    Duration => "Duur", "Duration";
    Resources => "Middelen", "Resources";
    Likelihood => "Waarschijnlijkheid", "Likelihood";
    Score => "Score", "Score";
    Treatment => "Behandeling", "Treatment";
    Mitigations => "Maatregelen", "Mitigations";
    HeatMap => "Risicomatrix", "Risk matrix";
    HeatMapCaption => "Aantal risico's per waarschijnlijkheid (rijen) en impact (kolommen)", "Number of risks by likelihood (rows) and impact (columns)";
    Channels => "Kanalen", "Channels";
    Timing => "Timing", "Timing";
    Audience => "Doelgroep", "Audience";
    Scenario => "Scenario", "Scenario";
    Channel => "Kanaal", "Channel";
    Subject => "Onderwerp", "Subject";
    Body => "Bericht", "Message";
    Interval => "Interval", "Interval";
    Months => "maanden", "months";
    Scope => "Scope", "Scope";
    LastHeld => "Laatst gehouden", "Last held";
    NextDue => "Volgende uiterlijk", "Next due";
    Overdue => "te laat", "overdue";
    Never => "nooit", "never";
    Date => "Datum", "Date";
    Title => "Titel", "Title";
    Result => "Resultaat", "Result";
    Participants => "Deelnemers", "Participants";
    Summary => "Samenvatting", "Summary";
    Origin => "Oorsprong", "Origin";
    Exercise => "Oefening", "Exercise";
    Incident => "Incident", "Incident";
    Due => "Tegen", "Due";
    Status => "Status", "Status";
    Completed => "Afgerond", "Completed";
    PlanActivated => "Plan geactiveerd", "Plan activated";
    Holder => "Houder", "Holder";
    Form => "Vorm", "Form";
    Version => "Versie", "Version";
    KeptAt => "Bewaard", "Kept at";
    OutdatedCopy => "ouder dan de huidige versie", "older than the current version";
    Plan => "Plan", "Plan";
    PlanVersion => "Versie van het plan", "Plan version";
    Classification => "Classificatie", "Classification";
    Approval => "Goedkeuring", "Approval";
    ApprovedBy => "Goedgekeurd door", "Approved by";
    NotApproved => "Deze versie is nog niet goedgekeurd", "This version is not approved yet";
    Review => "Herziening", "Review";
    LastReview => "Laatste herziening", "Last review";
    ReviewEvery => "Herzien om de", "Reviewed every";
    ExerciseStatus => "Oefenstatus", "Exercise status";
    Activation => "Activering", "Activation";
    ActivationCriteria => "Wanneer wordt het plan geactiveerd", "When the plan is activated";
    AuthorisedRoles => "Wie mag het activeren", "Who may activate it";
    FullRecovery => "Volledig hersteld wanneer", "Fully recovered when";
    BackupProcedure => "Back-upprocedure", "Backup procedure";
    Purpose => "Doel", "Purpose";
    Errors => "fouten", "errors";
    Warnings => "waarschuwingen", "warnings";
    Infos => "meldingen", "notices";
    Allowed => "aanvaard", "accepted";
    NoFindings => "Geen bevindingen.", "No findings.";
    FindingsUnavailable => "Bevindingen niet beschikbaar", "Findings unavailable";
    Hint => "Tip", "Hint";
    AllowedBecause => "Aanvaard", "Accepted";
    FindingsAsOf => "Bevindingen volgens de regels, berekend op", "Findings of the rules, computed as of";
    ReferencedBy => "Wordt gebruikt door", "Referenced by";
    Unknown => "onbekend", "unknown";
    NotInPlan => "staat niet in het plan", "not in the plan";
    Author => "Auteur", "Author";
    Message => "Boodschap", "Message";
    Changes => "Wijzigingen", "Changes";
    Validity => "Geldigheid", "Validity";
    AllSections => "Alle onderdelen", "All sections";
    AllAuthors => "Alle auteurs", "All authors";
    Section => "Onderdeel", "Section";
    Filter => "Filteren", "Filter";
    Page => "Pagina", "Page";
    Of => "van", "of";
    Previous => "Vorige", "Previous";
    Next => "Volgende", "Next";
    Revisions => "revisies", "revisions";
    NoRevisions => "Geen revisies voor deze filter.", "No revisions match this filter.";
    NoneRecorded => "Nog niets opgenomen.", "Nothing recorded yet.";
    ViewPlan => "plan bekijken", "view plan";
    ShowChanges => "wijzigingen", "changes";
    Revision => "Revisie", "Revision";
    PlanPath => "Bestand", "File";
    ChangeKind => "Soort wijziging", "Kind of change";
    PlanAtRevision => "Het plan zoals het toen was", "The plan as it was then";
    CompareWithCurrent => "Vergelijken met de huidige versie", "Compare with the current version";
    ChangesSincePrevious => "Wijzigingen tegenover de vorige revisie", "Changes since the previous revision";
    FirstRevision => "Dit is de eerste revisie: er is niets om mee te vergelijken.", "This is the first revision: there is nothing to compare with.";
    NoChanges => "Geen inhoudelijke wijzigingen.", "No changes to the content.";
    From => "Van", "From";
    To => "Naar", "To";
    Older => "Ouder", "Older";
    Newer => "Nieuwer", "Newer";
    SignificantChanges => "Belangrijke wijzigingen", "Significant changes";
    FindingsIntroduced => "Nieuwe bevindingen", "Findings introduced";
    FindingsFixed => "Opgeloste bevindingen", "Findings fixed";
    Added => "toegevoegd", "added";
    Removed => "verwijderd", "removed";
    Moved => "verplaatst", "moved";
    MovedAfter => "verplaatst na", "moved after";
    MovedFirst => "verplaatst naar het begin", "moved to the start";
    SetTo => "ingesteld op", "set to";
    PrimaryChanged => "eerste", "primary";
    Nobody => "niemand", "nobody";
    TimeTravel => "U bekijkt het plan zoals het was op", "You are viewing the plan as it was on";
    BackToCurrent => "Naar de huidige versie", "Back to the current version";
    HistoryUnavailable => "De geschiedenis is niet beschikbaar: alleen het huidige plan wordt getoond.", "History is unavailable: only the current plan is shown.";
    HistoryShallow => "De geschiedenis is onvolledig (ondiepe kloon).", "The history is incomplete (a shallow clone).";
    HistoryBroken => "De geschiedenis is onvolledig: een object kon niet gelezen worden.", "The history is incomplete: an object could not be read.";
    Redacted => "Persoonsgegevens zijn uit deze publicatie verwijderd.", "Personal data was removed from this publication.";
    RedactedFindings => "Bevindingen over telefoonnummers en contactpersonen worden niet getoond: die gegevens zijn uit deze publicatie verwijderd.", "Findings about phone numbers and contact people are not shown: that data was removed from this publication.";
    ExportedBy => "Gepubliceerd met", "Published with";
    On => "op", "on";
    NotFound => "Pagina niet gevonden", "Page not found";
    NotFoundText => "Deze pagina bestaat niet in dit plan.", "This page does not exist in this plan.";
    UnknownRevision => "Deze revisie staat niet in de geschiedenis", "This revision is not in the history";
    ErrorTitle => "De gegevens konden niet geladen worden", "The data could not be loaded";
    ErrorHelp => "Publiceer de site opnieuw met `continuity site`, of open ze via een webserver.", "Export the site again with `continuity site`, or open it through a web server.";
    BackToOverview => "Naar het overzicht", "Back to the overview";
    Valid => "geldig", "valid";
    Invalid => "ongeldig", "invalid";
    Deleted => "verwijderd", "deleted";
    Unreadable => "onleesbaar", "unreadable";
    Print => "Afdrukken", "Print";
}

/// The label of a list of counts: "2 fouten, 1 waarschuwing".
pub fn counts(lang: Lang, errors: usize, warnings: usize, infos: usize, allowed: usize) -> String {
    let mut parts = Vec::new();
    for (n, one, many) in [
        (errors, lang.pick("fout", "error"), Msg::Errors.text(lang)),
        (
            warnings,
            lang.pick("waarschuwing", "warning"),
            Msg::Warnings.text(lang),
        ),
        (infos, lang.pick("melding", "notice"), Msg::Infos.text(lang)),
        (allowed, Msg::Allowed.text(lang), Msg::Allowed.text(lang)),
    ] {
        if n > 0 {
            parts.push(format!("{n} {}", if n == 1 { one } else { many }));
        }
    }
    if parts.is_empty() {
        lang.pick("geen bevindingen", "no findings").to_owned()
    } else {
        parts.join(", ")
    }
}

pub fn severity(lang: Lang, s: Severity) -> &'static str {
    match s {
        Severity::Error => lang.pick("fout", "error"),
        Severity::Warning => lang.pick("waarschuwing", "warning"),
        Severity::Info => lang.pick("melding", "notice"),
    }
}

pub fn criticality(lang: Lang, c: Criticality) -> &'static str {
    match c {
        Criticality::Critical => lang.pick("kritiek", "critical"),
        Criticality::High => lang.pick("hoog", "high"),
        Criticality::Medium => lang.pick("middel", "medium"),
        Criticality::Low => lang.pick("laag", "low"),
    }
}

pub fn system_kind(lang: Lang, k: SystemKind) -> &'static str {
    match k {
        SystemKind::Application => lang.pick("toepassing", "application"),
        SystemKind::Saas => lang.pick("SaaS-dienst", "SaaS"),
        SystemKind::Database => lang.pick("databank", "database"),
        SystemKind::FileStorage => lang.pick("bestandsopslag", "file storage"),
        SystemKind::Server => lang.pick("server", "server"),
        SystemKind::Virtualisation => lang.pick("virtualisatie", "virtualisation"),
        SystemKind::Storage => lang.pick("opslag", "storage"),
        SystemKind::Network => lang.pick("netwerk", "network"),
        SystemKind::Internet => lang.pick("internet", "internet"),
        SystemKind::Security => lang.pick("beveiliging", "security"),
        SystemKind::Identity => lang.pick("identiteit", "identity"),
        SystemKind::Telephony => lang.pick("telefonie", "telephony"),
        SystemKind::Email => lang.pick("e-mail", "e-mail"),
        SystemKind::Endpoint => lang.pick("werkplek", "endpoint"),
        SystemKind::Power => lang.pick("stroom", "power"),
        SystemKind::Other => lang.pick("ander", "other"),
    }
}

pub fn redundancy(lang: Lang, r: Redundancy) -> &'static str {
    match r {
        Redundancy::None => lang.pick("geen", "none"),
        Redundancy::ColdStandby => lang.pick("koude reserve", "cold standby"),
        Redundancy::WarmStandby => lang.pick("warme reserve", "warm standby"),
        Redundancy::HotStandby => lang.pick("hete reserve", "hot standby"),
        Redundancy::ActiveActive => lang.pick("actief-actief", "active-active"),
    }
}

pub fn location_kind(lang: Lang, k: LocationKind) -> &'static str {
    match k {
        LocationKind::Primary => lang.pick("hoofdlocatie", "primary"),
        LocationKind::Alternate => lang.pick("uitwijklocatie", "alternate"),
        LocationKind::Datacenter => lang.pick("datacenter", "data centre"),
        LocationKind::Other => lang.pick("andere", "other"),
    }
}

pub fn treatment(lang: Lang, t: Treatment) -> &'static str {
    match t {
        Treatment::Mitigate => lang.pick("beperken", "mitigate"),
        Treatment::Accept => lang.pick("aanvaarden", "accept"),
        Treatment::Transfer => lang.pick("overdragen", "transfer"),
        Treatment::Avoid => lang.pick("vermijden", "avoid"),
    }
}

pub fn action_status(lang: Lang, s: ActionStatus) -> &'static str {
    match s {
        ActionStatus::Open => lang.pick("open", "open"),
        ActionStatus::InProgress => lang.pick("lopend", "in progress"),
        ActionStatus::Done => lang.pick("afgerond", "done"),
        ActionStatus::Cancelled => lang.pick("geannuleerd", "cancelled"),
    }
}

pub fn action_origin(lang: Lang, o: ActionOrigin) -> &'static str {
    match o {
        ActionOrigin::Exercise => lang.pick("oefening", "exercise"),
        ActionOrigin::Audit => lang.pick("audit", "audit"),
        ActionOrigin::Incident => lang.pick("incident", "incident"),
        ActionOrigin::Review => lang.pick("herziening", "review"),
        ActionOrigin::Risk => lang.pick("risico", "risk"),
        ActionOrigin::Other => lang.pick("ander", "other"),
    }
}

pub fn exercise_kind(lang: Lang, k: ExerciseKind) -> &'static str {
    match k {
        ExerciseKind::Walkthrough => lang.pick("doorloop", "walkthrough"),
        ExerciseKind::CallTree => lang.pick("belboom", "call tree"),
        ExerciseKind::Tabletop => lang.pick("tabletop", "tabletop"),
        ExerciseKind::RestoreTest => lang.pick("hersteltest", "restore test"),
        ExerciseKind::Failover => lang.pick("failovertest", "failover"),
        ExerciseKind::Simulation => lang.pick("simulatie", "simulation"),
        ExerciseKind::FullInterruption => lang.pick("volledige onderbreking", "full interruption"),
    }
}

pub fn exercise_result(lang: Lang, r: ExerciseResult) -> &'static str {
    match r {
        ExerciseResult::Passed => lang.pick("geslaagd", "passed"),
        ExerciseResult::PassedWithFindings => {
            lang.pick("geslaagd met bevindingen", "passed with findings")
        }
        ExerciseResult::Failed => lang.pick("mislukt", "failed"),
    }
}

pub fn copy_form(lang: Lang, f: CopyForm) -> &'static str {
    match f {
        CopyForm::Paper => lang.pick("papier", "paper"),
        CopyForm::Usb => lang.pick("USB-stick", "USB stick"),
        CopyForm::Device => lang.pick("toestel", "device"),
        CopyForm::Report => lang.pick("rapport", "report"),
    }
}

pub fn audience_kind(lang: Lang, k: AudienceKind) -> &'static str {
    match k {
        AudienceKind::Staff => lang.pick("personeel", "staff"),
        AudienceKind::Citizens => lang.pick("burgers", "citizens"),
        AudienceKind::Suppliers => lang.pick("leveranciers", "suppliers"),
        AudienceKind::Press => lang.pick("pers", "press"),
        AudienceKind::Council => lang.pick("raad", "council"),
        AudienceKind::Authorities => lang.pick("overheden", "authorities"),
        AudienceKind::Partners => lang.pick("partners", "partners"),
        AudienceKind::Other => lang.pick("andere", "other"),
    }
}

pub fn phone_kind(lang: Lang, k: PhoneKind) -> &'static str {
    match k {
        PhoneKind::Mobile => lang.pick("gsm", "mobile"),
        PhoneKind::Office => lang.pick("kantoor", "office"),
        PhoneKind::Private => lang.pick("privé", "private"),
        PhoneKind::Radio => lang.pick("radio", "radio"),
    }
}

pub fn availability(lang: Lang, a: Availability) -> &'static str {
    match a {
        Availability::OfficeHours => lang.pick("kantooruren", "office hours"),
        Availability::AlwaysAvailable => lang.pick("24/7", "24/7"),
    }
}

pub fn classification(lang: Lang, c: Classification) -> &'static str {
    match c {
        Classification::Public => lang.pick("openbaar", "public"),
        Classification::Internal => lang.pick("intern", "internal"),
        Classification::Confidential => lang.pick("vertrouwelijk", "confidential"),
        other => other.label(),
    }
}

pub fn organisation_kind(lang: Lang, k: OrganisationKind) -> &'static str {
    match k {
        OrganisationKind::Municipality => lang.pick("gemeente", "municipality"),
        OrganisationKind::SocialWelfare => lang.pick("OCMW", "public social welfare centre"),
        OrganisationKind::Intermunicipal => lang.pick(
            "intergemeentelijk samenwerkingsverband",
            "intermunicipal association",
        ),
        OrganisationKind::Province => lang.pick("provincie", "province"),
        OrganisationKind::PoliceZone => lang.pick("politiezone", "police zone"),
        OrganisationKind::EmergencyZone => lang.pick("hulpverleningszone", "emergency zone"),
        OrganisationKind::Other => lang.pick("andere", "other"),
    }
}

/// A significant kind of change, as a short phrase.
pub fn impact(lang: Lang, i: Impact) -> &'static str {
    match i {
        Impact::ObjectiveLoosened => lang.pick("hersteldoel versoepeld", "objective loosened"),
        Impact::ObjectiveTightened => lang.pick("hersteldoel verstrengd", "objective tightened"),
        Impact::CrisisTeamChanged => lang.pick("crisisteam gewijzigd", "crisis team changed"),
        Impact::CrisisTeamPrimaryChanged => lang.pick(
            "eerste van een crisisrol gewijzigd",
            "crisis-team primary changed",
        ),
        Impact::CrisisContactChanged => lang.pick(
            "contactgegevens crisisteam gewijzigd",
            "crisis-team contact changed",
        ),
        Impact::BackupWeakened => lang.pick("back-up verzwakt", "backup weakened"),
        Impact::BackupStrengthened => lang.pick("back-up versterkt", "backup strengthened"),
        Impact::RedundancyLowered => lang.pick("redundantie verlaagd", "redundancy lowered"),
        Impact::RedundancyRaised => lang.pick("redundantie verhoogd", "redundancy raised"),
        Impact::SupplierEmergencyContactChanged => lang.pick(
            "noodcontact leverancier gewijzigd",
            "supplier emergency contact changed",
        ),
    }
}

/// The CSS class of an impact's tone.
pub fn tone_class(tone: Tone) -> &'static str {
    match tone {
        Tone::Worse => "tone-worse",
        Tone::Better => "tone-better",
        Tone::Attention => "tone-attention",
    }
}

/// A collection's name, plural.
pub fn collection(lang: Lang, c: Collection) -> &'static str {
    match c {
        Collection::People => Msg::People.text(lang),
        Collection::Roles => Msg::Roles.text(lang),
        Collection::Services => Msg::Services.text(lang),
        Collection::Systems => Msg::Systems.text(lang),
        Collection::Suppliers => Msg::Suppliers.text(lang),
        Collection::Locations => Msg::Locations.text(lang),
        Collection::Scenarios => Msg::Scenarios.text(lang),
        Collection::Risks => Msg::Risks.text(lang),
        Collection::Audiences => Msg::Audiences.text(lang),
        Collection::Templates => Msg::Templates.text(lang),
        Collection::Distribution => Msg::Distribution.text(lang),
        Collection::ExerciseSchedule => Msg::ExerciseSchedule.text(lang),
        Collection::Exercises => Msg::Exercises.text(lang),
        Collection::Actions => Msg::Actions.text(lang),
        Collection::Incidents => Msg::Incidents.text(lang),
    }
}

/// A collection's name, singular ("dienst", "system").
pub fn singular(lang: Lang, c: Collection) -> &'static str {
    match c {
        Collection::People => lang.pick("persoon", "person"),
        Collection::Roles => lang.pick("rol", "role"),
        Collection::Services => lang.pick("dienst", "service"),
        Collection::Systems => lang.pick("systeem", "system"),
        Collection::Suppliers => lang.pick("leverancier", "supplier"),
        Collection::Locations => lang.pick("locatie", "location"),
        Collection::Scenarios => lang.pick("scenario", "scenario"),
        Collection::Risks => lang.pick("risico", "risk"),
        Collection::Audiences => lang.pick("doelgroep", "audience"),
        Collection::Templates => lang.pick("berichtsjabloon", "message template"),
        Collection::Distribution => lang.pick("exemplaar", "plan copy"),
        Collection::ExerciseSchedule => lang.pick("oefenschema", "exercise schedule entry"),
        Collection::Exercises => lang.pick("oefening", "exercise"),
        Collection::Actions => lang.pick("actie", "action"),
        Collection::Incidents => lang.pick("incident", "incident"),
    }
}

/// A diff section's name.
pub fn section(lang: Lang, s: Section) -> &'static str {
    match s {
        Section::Format => lang.pick("formaat", "format"),
        Section::Organisation => Msg::Organisation.text(lang),
        Section::Plan => lang.pick("plangegevens", "plan metadata"),
        Section::Approvals => lang.pick("goedkeuringen", "approvals"),
        Section::Activation => Msg::Activation.text(lang),
        Section::Communication => Msg::Communication.text(lang),
        Section::Collection(c) => collection(lang, c),
        Section::Allow => lang.pick("aanvaarde bevindingen", "accepted findings"),
        Section::Other => lang.pick("andere", "other"),
    }
}

/// A diff section's name from its serialized form, or the name itself when unknown.
pub fn section_name(lang: Lang, name: &str) -> String {
    Section::from_name(name).map_or_else(|| name.to_owned(), |s| section(lang, s).to_owned())
}

/// An impact's phrase from its serialized name, when known.
pub fn impact_name(lang: Lang, name: &str) -> Option<(&'static str, Tone)> {
    Impact::ALL
        .into_iter()
        .find(|i| i.name() == name)
        .map(|i| (impact(lang, i), i.tone()))
}

/// How a revision changed the plan file.
pub fn change_kind(lang: Lang, change: &str) -> String {
    match change {
        "added" => lang.pick("toegevoegd", "added"),
        "modified" => lang.pick("gewijzigd", "modified"),
        "deleted" => lang.pick("verwijderd", "deleted"),
        "renamed" => lang.pick("hernoemd", "renamed"),
        other => other,
    }
    .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_regional_variants_match() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("nl-BE"), Some(Lang::Nl));
        assert_eq!(Lang::from_code("en_GB"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
    }

    #[test]
    fn counts_read_naturally() {
        assert_eq!(counts(Lang::Nl, 0, 0, 0, 0), "geen bevindingen");
        assert_eq!(
            counts(Lang::En, 1, 2, 0, 1),
            "1 error, 2 warnings, 1 accepted"
        );
    }
}
