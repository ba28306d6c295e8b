import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '../access/principal';
import { Answers, Operation, Refuses } from '../openapi/operation.decorators';
import type { UserView } from '../service/identity-administration.service';
import { CurrentPrincipal, RequirePermission } from './access.decorators';
import {
  CreatedUserSchema,
  PasswordResetSchema,
  UserListSchema,
  UserViewSchema,
} from './answers/identity-administration.answers';
import { AUTH_RUNTIME, type AuthRuntime } from './auth.runtime';
import { CreateUserDto, UpdateUserDto, UserIdParams } from './dto/user.dto';

const UNKNOWN_USER = 'UNKNOWN_USER: no user has this id';

/** Administrators manage the people who sign in, and their roles. */
@ApiTags('auth: users')
@RequirePermission('platform:admin')
@Controller('auth/users')
export class UsersController {
  constructor(@Inject(AUTH_RUNTIME) private readonly runtime: AuthRuntime) {}

  @Get()
  @Operation('listUsers', 'List the users, by user name.')
  @Answers(200, {
    description: 'Every user, by user name',
    schema: UserListSchema,
  })
  list(): Promise<UserView[]> {
    return this.runtime.administration.listUsers();
  }

  @Get(':id')
  @Operation('getUser', 'Read a user.')
  @Answers(200, { description: 'The user', schema: UserViewSchema })
  @Refuses({ 404: UNKNOWN_USER })
  get(@Param() params: UserIdParams): Promise<UserView> {
    return this.runtime.administration.getUser(params.id);
  }

  @Post()
  @Operation(
    'createUser',
    'Create a user with roles, and a password or a generated one-time password.',
    'Without `password`, a one-time password is generated and returned once (`oneTimePassword`); the user must change it at the first sign-in. A password that contains the user name is refused with 400 WEAK_PASSWORD.',
  )
  @Answers(201, {
    description: 'The user is created; `oneTimePassword` is shown in this answer only',
    schema: CreatedUserSchema,
  })
  @Refuses({ 409: 'NAME_TAKEN: a user already has this user name (in any case)' })
  create(@Body() body: CreateUserDto, @CurrentPrincipal() principal: Principal) {
    return this.runtime.administration.createUser(body, principal);
  }

  @Patch(':id')
  @Operation(
    'updateUser',
    'Change a user’s display name, roles, department or status.',
    'A change of roles or department, or disabling the user, ends every session of the user.',
  )
  @Answers(200, { description: 'The user as changed', schema: UserViewSchema })
  @Refuses({
    403: 'FORBIDDEN: an administrator cannot disable their own account',
    404: UNKNOWN_USER,
    409: 'LAST_ADMINISTRATOR: the last active administrator cannot be disabled or lose the role',
  })
  update(
    @Param() params: UserIdParams,
    @Body() body: UpdateUserDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<UserView> {
    return this.runtime.administration.updateUser(params.id, body, principal);
  }

  @Post(':id/password-reset')
  @HttpCode(200)
  @Operation(
    'resetUserPassword',
    'Give a user a new one-time password.',
    'Every session of the user ends, and their failed sign-ins are forgotten; they must change the password at the next sign-in.',
  )
  @Answers(200, {
    description: 'The user and the new one-time password, shown in this answer only',
    schema: PasswordResetSchema,
  })
  @Refuses({ 404: UNKNOWN_USER })
  resetPassword(@Param() params: UserIdParams) {
    return this.runtime.administration.resetPassword(params.id);
  }

  @Post(':id/unlock')
  @HttpCode(200)
  @Operation(
    'unlockUser',
    'Forget a user’s failed sign-ins, ending the sign-in back-off.',
    'The account itself is never locked: sign-in with its user name backs off after failures, per address. This forgets those failures from every address.',
  )
  @Answers(200, { description: 'The user, no longer in back-off', schema: UserViewSchema })
  @Refuses({ 404: UNKNOWN_USER })
  unlock(@Param() params: UserIdParams): Promise<UserView> {
    return this.runtime.administration.unlock(params.id);
  }
}
