import nodemailer, { type Transporter } from "nodemailer";
import type { Config } from "../../config.ts";
import type { Kernel } from "../../http/kernel.ts";
import { markEmailed, paramsOf, pendingEmails, type PendingEmailRow } from "./notifications.repository.ts";
import type { NotificationKind } from "./notify.ts";

/**
 * E-mail for notifications, where SMTP is configured. An e-mail says only that something is waiting
 * (signal reference + what is expected) and links to the app: no names, no content, because e-mail
 * leaves our hands. Delivery runs after the creating transaction has committed, from the timer in
 * main.ts; a failure leaves emailed_at empty so the next run retries, and never reaches a request.
 */
export type Mailer = Transporter;

/** Only notifications younger than this are e-mailed; older ones wait in the app. */
const EMAIL_WINDOW_MS = 48 * 3_600_000;

export function createMailer(config: Pick<Config, "SMTP_URL" | "SMTP_FROM">): Mailer | null {
  if (!config.SMTP_URL) return null;
  return nodemailer.createTransport(
    // Short timeouts: an unreachable server must not hold up the sweep for minutes.
    { url: config.SMTP_URL, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 },
    { from: config.SMTP_FROM },
  );
}

const texts: Record<NotificationKind, { subject: string; body: string }> = {
  signal_received: {
    subject: "Nieuw signaal {ref}",
    body: "Er is een nieuw signaal binnengekomen: {ref}.\nBeoordeel het signaal in Ketenzicht.",
  },
  referral_received: {
    subject: "Doorverwijzing ontvangen: signaal {ref}",
    body: "Uw organisatie heeft een doorverwijzing ontvangen voor signaal {ref}.\nAccepteer of weiger de doorverwijzing en geef binnen de termijn terugkoppeling.",
  },
  referral_reminder: {
    subject: "Herinnering: terugkoppeling gevraagd voor {ref}",
    body: "De termijn voor de doorverwijzing van signaal {ref} is verstreken.\nGeef zo snel mogelijk uw reactie en terugkoppeling in Ketenzicht.",
  },
  referral_escalated: {
    subject: "Geen reactie op doorverwijzing van {ref}",
    body: "Een partner heeft twee werkdagen na de herinnering nog niet gereageerd op de doorverwijzing van signaal {ref}.\nNeem contact op met de partner.",
  },
  referral_answered: {
    subject: "Terugkoppeling ontvangen voor {ref}",
    body: "Een partner heeft gereageerd op de doorverwijzing van signaal {ref}.\nBekijk de terugkoppeling in Ketenzicht.",
  },
  signal_overdue: {
    subject: "Termijn verstreken: signaal {ref}",
    body: "De termijn van de huidige stap van signaal {ref} is verstreken.\nPak de volgende stap op in Ketenzicht.",
  },
  reporter_informed: {
    subject: "Terugkoppeling op uw melding {ref}",
    body: "Er is terugkoppeling op uw melding {ref}.\nLees deze in Ketenzicht.",
  },
  case_team_added: {
    subject: "U bent toegevoegd aan het casusteam van dossier {ref}",
    body: "De zorgcoördinator heeft u toegevoegd aan het casusteam van dossier {ref}.\nU ziet in Ketenzicht de delen van het dossier die uw doel nodig heeft.",
  },
  transfer_proposed: {
    subject: "Overdracht van een dossier aan uw regio",
    body: "De zorgcoördinatie van een andere regio wil een dossier aan uw organisatie overdragen.\nAccepteer of weiger de overdracht in Ketenzicht.",
  },
  transfer_answered: {
    subject: "Antwoord op de overdracht van dossier {ref}",
    body: "De ontvangende regio heeft geantwoord op de overdracht van dossier {ref}.\nBekijk het antwoord in Ketenzicht.",
  },
  meeting_invited: {
    subject: "Uitnodiging voor overleg {ref}",
    body: "U bent uitgenodigd om deel te nemen aan overleg {ref}.\nBekijk de datum en de agenda in Ketenzicht.",
  },
  agenda_proposal: {
    subject: "Nieuw agendapunt voorgesteld voor overleg {ref}",
    body: "Er is een signaal of dossier ingebracht voor overleg {ref}.\nLaat het toe tot de agenda of wijs het af in Ketenzicht.",
  },
  agenda_answered: {
    subject: "Uw agendapunt voor overleg {ref}",
    body: "De voorzitter heeft gereageerd op het punt dat u inbracht voor overleg {ref}.\nBekijk het antwoord in Ketenzicht.",
  },
  conference_decision: {
    subject: "Besluit in overleg {ref}",
    body: "In overleg {ref} is een besluit genomen over een signaal of dossier van u.\nLees het besluit in Ketenzicht.",
  },
  conference_action_assigned: {
    subject: "Actie voor uw organisatie uit overleg {ref}",
    body: "In overleg {ref} heeft uw organisatie een actie op zich genomen.\nBekijk de actie en de termijn in Ketenzicht.",
  },
  conference_action_overdue: {
    subject: "Herinnering: actie uit overleg {ref} is over de termijn",
    body: "De termijn van een actie uit overleg {ref} is verstreken.\nRond de actie af of meld de stand in Ketenzicht.",
  },
  conference_action_done: {
    subject: "Actie uit overleg {ref} afgerond",
    body: "Een actie uit overleg {ref} over een signaal of dossier van u is afgerond.\nLees het resultaat in Ketenzicht.",
  },
  agreement_expiring: {
    subject: "Een samenwerkingsafspraak loopt binnenkort af",
    body: "Een samenwerkingsafspraak die u bewaakt loopt binnenkort af. Verleng of beëindig haar op tijd.\nBekijk de afspraak onder Sociale kaart in Ketenzicht.",
  },
  care_task: {
    subject: "Actie nodig in dossier {ref}",
    body: "In dossier {ref} is een termijn verstreken of bijna verstreken (bedenktijd, zorg, doel, toestemming of verblijfsvergunning).\nBekijk het dossier in Ketenzicht.",
  },
};

const isKind = (kind: string): kind is NotificationKind => Object.hasOwn(texts, kind);

/** The subject and text of one notification's e-mail; exported for the tests. */
export function composeEmail(
  config: Pick<Config, "PUBLIC_URL" | "HOST" | "PORT">,
  notification: Pick<PendingEmailRow, "kind" | "signal_id" | "params"> & Partial<Pick<PendingEmailRow, "victim_file_id" | "meeting_id">>,
): { subject: string; text: string } {
  const base = (config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`).replace(/\/+$/, "");
  const link = notification.signal_id
    ? `${base}/signalen/${notification.signal_id}`
    : notification.victim_file_id
      ? `${base}/zorg/dossiers/${notification.victim_file_id}`
      : notification.meeting_id
        ? `${base}/overleg/${notification.meeting_id}`
        : notification.kind === "transfer_proposed" ? `${base}/zorg`
          : notification.kind === "agreement_expiring" ? `${base}/netwerk` : base;
  const reference = paramsOf(notification).reference;
  // The reference ends up in a header: keep only the characters a reference has.
  const ref = typeof reference === "string" ? reference.replace(/[^A-Za-z0-9-]/g, "") : "";
  const template = isKind(notification.kind) ? texts[notification.kind] : { subject: "Nieuwe notificatie {ref}", body: "Er staat een notificatie voor u klaar." };
  const fill = (s: string) => s.replaceAll("{ref}", ref);
  return {
    subject: `Ketenzicht: ${fill(template.subject)}`,
    text: [
      fill(template.body),
      "",
      `Bekijken: ${link}`,
      "",
      "Dit bericht bevat bewust geen inhoud van het signaal of dossier; log in om de gegevens te zien.",
      "Dit is een automatisch bericht van Ketenzicht.",
      "",
    ].join("\n"),
  };
}

// Errors that say the server cannot be reached: the rest of the batch would fail the same way.
const CONNECTION_ERRORS = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "ECONNREFUSED", "ETLS", "EAUTH"]);

export interface DeliveryResult {
  sent: number;
  failed: number;
}

/** E-mails up to `limit` pending notifications and marks each one sent; never throws. */
export async function deliverPendingEmails(
  kernel: Pick<Kernel, "db" | "crypto" | "config" | "now">,
  mailer: Mailer,
  options: { limit?: number; log?: (message: string, error: unknown) => void } = {},
): Promise<DeliveryResult> {
  const log = options.log ?? ((message, error) => console.warn(message, error));
  const result: DeliveryResult = { sent: 0, failed: 0 };
  let pending: PendingEmailRow[];
  try {
    pending = await pendingEmails(kernel.db, new Date(kernel.now().getTime() - EMAIL_WINDOW_MS), options.limit ?? 100);
  } catch (error) {
    log("notificaties: openstaande e-mails ophalen mislukt", error);
    return result;
  }
  for (const notification of pending) {
    try {
      const { subject, text } = composeEmail(kernel.config, notification);
      await mailer.sendMail({ to: kernel.crypto.decrypt("users.email", notification.email_enc), subject, text });
      await markEmailed(kernel.db, notification.id, kernel.now());
      result.sent += 1;
    } catch (error) {
      result.failed += 1;
      log(`notificaties: e-mail voor notificatie ${notification.id} niet verstuurd`, error);
      const code = (error as { code?: unknown }).code;
      if (typeof code === "string" && CONNECTION_ERRORS.has(code)) break;
    }
  }
  return result;
}
