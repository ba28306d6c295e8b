import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { validateDto } from '../commands/validate-dto';
import { jsonPointer, MAX_FIELD_ERRORS } from './field-errors';

class PersonDto {
  @IsString()
  @MaxLength(20)
  name!: string;

  @IsEmail()
  email!: string;
}

class FilingDto {
  @IsString()
  @MaxLength(50)
  title!: string;

  @IsInt()
  @Min(1)
  count!: number;

  @ValidateNested()
  @Type(() => PersonDto)
  requester!: PersonDto;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @IsString({ each: true })
  tags?: string[];
}

const valid = {
  title: 'Loan guarantee fund',
  count: 2,
  requester: { name: 'Amina', email: 'amina@example.org' },
};

async function errorsOf(payload: unknown) {
  const result = await validateDto(FilingDto, payload);
  if (!('errors' in result)) throw new Error('expected the payload to be refused');
  return result.errors;
}

describe('field errors: one short message per field, with its JSON pointer', () => {
  it('accepts a valid payload', async () => {
    expect(await validateDto(FilingDto, valid)).toEqual({ value: expect.any(FilingDto) });
  });

  it('names the expected and the received JSON type', async () => {
    expect(await errorsOf({ ...valid, count: '2', title: 7 })).toEqual([
      { field: 'title', pointer: '/title', messages: ['expected a string, got a number'] },
      { field: 'count', pointer: '/count', messages: ['expected a whole number, got a string'] },
    ]);
  });

  it('says a missing field is required and what it should be', async () => {
    const { title: _, ...rest } = valid;
    expect(await errorsOf(rest)).toEqual([
      { field: 'title', pointer: '/title', messages: ['is required (expected a string)'] },
    ]);
  });

  it('reports nested fields by path and pointer, and a nested object of the wrong type', async () => {
    expect(await errorsOf({ ...valid, requester: { name: 'A', email: 'nope' } })).toEqual([
      { field: 'requester.email', pointer: '/requester/email', messages: ['must be an email'] },
    ]);
    expect(await errorsOf({ ...valid, requester: 'Amina' })).toEqual([
      { field: 'requester', pointer: '/requester', messages: ['expected an object, got a string'] },
    ]);
  });

  it('names the first item of the wrong type in an array', async () => {
    expect(await errorsOf({ ...valid, tags: ['a', 3] })).toEqual([
      {
        field: 'tags',
        pointer: '/tags',
        messages: ['expected every item to be a string, item 1 is a number'],
      },
    ]);
    expect(await errorsOf({ ...valid, tags: 'a' })).toEqual([
      { field: 'tags', pointer: '/tags', messages: ['expected an array, got a string'] },
    ]);
  });

  it('takes a bounded list without @IsArray for an array all the same', async () => {
    class ThemesDto {
      @ArrayMaxSize(2)
      @IsString({ each: true })
      themes!: string[];
    }
    const result = await validateDto(ThemesDto, { themes: 'cooperatives' });
    expect(result).toEqual({
      errors: [
        { field: 'themes', pointer: '/themes', messages: ['expected an array, got a string'] },
      ],
    });
  });

  it('keeps a rule broken by a value of the right type, without the property name in front', async () => {
    expect(await errorsOf({ ...valid, count: 0, title: 'x'.repeat(51) })).toEqual([
      {
        field: 'title',
        pointer: '/title',
        messages: ['must be shorter than or equal to 50 characters'],
      },
      { field: 'count', pointer: '/count', messages: ['must not be less than 1'] },
    ]);
  });

  it('lists the first refused fields of a huge body and counts the rest (an array of 10,000 where an object goes)', async () => {
    const errors = await errorsOf({
      ...valid,
      requester: Array.from({ length: 10_000 }, () => ({})),
    });
    expect(errors).toHaveLength(MAX_FIELD_ERRORS + 1);
    expect(errors[0]).toEqual({
      field: 'requester.0.name',
      pointer: '/requester/0/name',
      messages: ['is required (expected a string)'],
    });
    expect(errors[1]?.field).toBe('requester.0.email');
    expect(errors[MAX_FIELD_ERRORS]).toEqual({
      field: '(body)',
      pointer: '',
      messages: [expect.stringMatching(/^and \d+ more refused field\(s\), not listed$/)],
    });
  });

  it('refuses unknown properties and non-finite numbers in words a client can act on', async () => {
    expect(await errorsOf({ ...valid, $where: '1' })).toEqual([
      {
        field: '$where',
        pointer: '/$where',
        messages: ['is not a property of this request (unknown properties are refused)'],
      },
    ]);
    expect(await errorsOf({ ...valid, count: JSON.parse('1e400') })).toEqual([
      {
        field: 'count',
        pointer: '/count',
        messages: ['expected a whole number, got a number too large to represent'],
      },
    ]);
  });

  it('refuses a payload nested deeper than the limit before transforming it', async () => {
    const deep = JSON.parse('{"title":' + '['.repeat(5000) + ']'.repeat(5000) + '}');
    expect(await errorsOf(deep)).toEqual([
      {
        field: '(body)',
        pointer: '',
        messages: ['The body is nested deeper than 32 levels of objects and arrays'],
      },
    ]);
  });

  it('refuses a reserved property name anywhere, before class-transformer reads it', async () => {
    const payload = JSON.parse(
      '{"title":"x","count":1,"requester":{"name":"A","email":"a@example.org","constructor":{"prototype":{"polluted":true}}}}',
    );
    expect(await errorsOf(payload)).toEqual([
      {
        field: 'requester.constructor',
        pointer: '/requester/constructor',
        messages: [
          'The body uses the reserved property name "constructor" (at /requester/constructor)',
        ],
      },
    ]);
  });

  it('escapes pointer segments (RFC 6901)', () => {
    expect(jsonPointer(['a/b', 'c~d', '0'])).toBe('/a~1b/c~0d/0');
  });
});
