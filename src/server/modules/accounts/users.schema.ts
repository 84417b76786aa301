import { z } from "zod";
import { roles } from "../../kernel/policy/matrix.ts";

export const roleSchema = z.enum(roles);
const uuid = z.uuid();

export const userSchema = z
  .object({
    id: uuid,
    displayName: z.string(),
    email: z.string(),
    organisationId: uuid,
    organisationName: z.string(),
    roles: z.array(roleSchema),
    regionAdministratorOf: z.array(uuid),
    active: z.boolean(),
    secondFactorEnrolled: z.boolean(),
    lastLoginAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    abilities: z.record(z.string(), z.boolean()),
  })
  .meta({ id: "User" });

export const userListSchema = z
  .object({ items: z.array(userSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ id: "UserList" });

export const userListQuery = z
  .object({
    organisationId: uuid.optional(),
    q: z.string().trim().min(1).max(200).optional().describe("Zoek op (een deel van) naam of e-mailadres"),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

const password = z.string().min(12, "minimaal 12 tekens").max(200);
const displayName = z.string().trim().min(1).max(200);

export const createUserBody = z
  .object({
    email: z.email().max(254),
    displayName,
    organisationId: uuid,
    roles: z.array(roleSchema).min(1).max(8),
    regionAdministratorOf: z.array(uuid).max(20).default([]),
    password,
  })
  .strict()
  .meta({ id: "CreateUser" });

export const updateUserBody = z
  .object({
    displayName: displayName.optional(),
    roles: z.array(roleSchema).min(1).max(8).optional(),
    regionAdministratorOf: z.array(uuid).max(20).optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .meta({ id: "UpdateUser" });

export const idParams = z.object({ id: uuid }).strict();
