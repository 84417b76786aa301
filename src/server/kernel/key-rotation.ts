import type { FieldCrypto } from "./crypto.ts";
import type { Database } from "./db.ts";

/**
 * Every encrypted column, with the field name bound into its ciphertext (AAD). A module that adds an
 * encrypted column adds it here, so key rotation re-encrypts it too.
 */
export const encryptedColumns = [
  { table: "users", key: "id", column: "email_enc", field: "users.email" },
  { table: "users", key: "id", column: "display_name_enc", field: "users.display_name" },
  { table: "users", key: "id", column: "totp_secret_enc", field: "users.totp_secret" },
  { table: "oidc_providers", key: "organisation_id", column: "client_secret_enc", field: "oidc_providers.client_secret" },
  { table: "sessions", key: "id_hash", column: "pending_totp_secret_enc", field: "sessions.pending_totp_secret" },
  // Signals and the reporting route.
  { table: "brp_endpoints", key: "municipality_id", column: "api_key_enc", field: "brp_endpoints.api_key" },
  { table: "signals", key: "id", column: "reporter_team_enc", field: "signals.reporter_team" },
  { table: "signals", key: "id", column: "observed_period_enc", field: "signals.observed_period" },
  { table: "signals", key: "id", column: "description_enc", field: "signals.description" },
  { table: "signals", key: "id", column: "location_enc", field: "signals.location" },
  { table: "signals", key: "id", column: "feedback_to_reporter_enc", field: "signals.feedback_to_reporter" },
  { table: "signal_persons", key: "id", column: "name_enc", field: "signal_persons.name" },
  { table: "signal_persons", key: "id", column: "birth_date_enc", field: "signal_persons.birth_date" },
  { table: "signal_persons", key: "id", column: "phone_enc", field: "signal_persons.phone" },
  { table: "signal_persons", key: "id", column: "description_enc", field: "signal_persons.description" },
  { table: "signal_events", key: "id", column: "reason_enc", field: "signal_events.reason" },
  { table: "signal_enrichments", key: "id", column: "result_enc", field: "signal_enrichments.result" },
  { table: "referrals", key: "id", column: "purpose_enc", field: "referrals.purpose" },
  { table: "referrals", key: "id", column: "decline_reason_enc", field: "referrals.decline_reason" },
  { table: "referrals", key: "id", column: "feedback_enc", field: "referrals.feedback" },
  // Care coordination.
  { table: "victim_files", key: "id", column: "name_enc", field: "victim_files.name" },
  { table: "victim_files", key: "id", column: "birth_date_enc", field: "victim_files.birth_date" },
  { table: "victim_files", key: "id", column: "phone_enc", field: "victim_files.phone" },
  { table: "victim_files", key: "id", column: "contact_enc", field: "victim_files.contact" },
  { table: "victim_files", key: "id", column: "came_into_view_enc", field: "victim_files.came_into_view" },
  { table: "victim_files", key: "id", column: "guardian_enc", field: "victim_files.guardian" },
  { table: "victim_files", key: "id", column: "comensha_number_enc", field: "victim_files.comensha_number" },
  { table: "case_team_members", key: "id", column: "purpose_note_enc", field: "case_team_members.purpose_note" },
  { table: "case_team_members", key: "id", column: "legal_basis_note_enc", field: "case_team_members.legal_basis_note" },
  { table: "consents", key: "id", column: "note_enc", field: "consents.note" },
  { table: "victim_needs", key: "file_id || ':' || domain", column: "note_enc", field: "victim_needs.note" },
  { table: "care_goals", key: "id", column: "description_enc", field: "care_goals.description" },
  { table: "care_services", key: "id", column: "description_enc", field: "care_services.description" },
  { table: "shelter_placements", key: "id", column: "note_enc", field: "shelter_placements.note" },
  { table: "residence_schemes", key: "file_id", column: "unable_statement_enc", field: "residence_schemes.unable_statement" },
  { table: "victim_file_events", key: "id", column: "reason_enc", field: "victim_file_events.reason" },
  { table: "victim_file_transfers", key: "id", column: "reason_enc", field: "victim_file_transfers.reason" },
  { table: "victim_file_transfers", key: "id", column: "legal_basis_note_enc", field: "victim_file_transfers.legal_basis_note" },
  { table: "victim_file_transfers", key: "id", column: "decline_reason_enc", field: "victim_file_transfers.decline_reason" },
  { table: "comensha_exports", key: "id", column: "legal_basis_note_enc", field: "comensha_exports.legal_basis_note" },
  // Case conferences and the register of measures.
  { table: "meetings", key: "id", column: "video_link_enc", field: "meetings.video_link" },
  { table: "agenda_items", key: "id", column: "question_enc", field: "agenda_items.question" },
  { table: "agenda_items", key: "id", column: "shared_content_enc", field: "agenda_items.shared_content" },
  { table: "agenda_items", key: "id", column: "legal_basis_note_enc", field: "agenda_items.legal_basis_note" },
  { table: "agenda_items", key: "id", column: "decline_reason_enc", field: "agenda_items.decline_reason" },
  { table: "agenda_items", key: "id", column: "notes_enc", field: "agenda_items.notes" },
  { table: "conference_decisions", key: "id", column: "description_enc", field: "conference_decisions.description" },
  { table: "conference_actions", key: "id", column: "description_enc", field: "conference_actions.description" },
  { table: "conference_actions", key: "id", column: "result_enc", field: "conference_actions.result" },
  { table: "administrative_measures", key: "id", column: "location_enc", field: "administrative_measures.location" },
  { table: "administrative_measures", key: "id", column: "note_enc", field: "administrative_measures.note" },
  { table: "training_participants", key: "id", column: "name_enc", field: "training_participants.name" },
  { table: "training_participants", key: "id", column: "email_enc", field: "training_participants.email" },
  { table: "social_map_contacts", key: "id", column: "name_enc", field: "social_map_contacts.name" },
  { table: "social_map_contacts", key: "id", column: "phone_enc", field: "social_map_contacts.phone" },
  { table: "social_map_contacts", key: "id", column: "email_enc", field: "social_map_contacts.email" },
] as const;

/**
 * Re-encrypts every value written with an older key under the current key, a batch per transaction, so
 * the old key can be removed from ENCRYPTION_KEYS afterwards. Returns how many values per column moved.
 */
export async function rotateEncryptionKeys(db: Database, crypto: FieldCrypto, batchSize = 500): Promise<Record<string, number>> {
  const moved: Record<string, number> = {};
  for (const { table, key, column, field } of encryptedColumns) {
    let count = 0;
    let after = "";
    for (;;) {
      const rows = await db.query<{ k: string; v: string }>(
        `select (${key})::text as k, ${column} as v from ${table} where ${column} is not null and (${key})::text > $1 order by (${key})::text limit $2`,
        [after, batchSize],
      );
      const stale = rows.filter((row) => crypto.needsRotation(row.v));
      if (stale.length > 0) {
        await db.transaction(async (tx) => {
          for (const row of stale) {
            const fresh = crypto.encrypt(field, crypto.decrypt(field, row.v));
            // Only if unchanged meanwhile: a concurrent write already used the current key.
            await tx.query(`update ${table} set ${column} = $2 where (${key})::text = $1 and ${column} = $3`, [row.k, fresh, row.v]);
          }
        });
        count += stale.length;
      }
      if (rows.length < batchSize) break;
      after = rows[rows.length - 1]!.k;
    }
    moved[`${table}.${column}`] = count;
  }
  return moved;
}
