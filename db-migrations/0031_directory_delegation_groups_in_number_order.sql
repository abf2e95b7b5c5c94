-- Delegation groups are named with their number (第一代表团, 第十二代表组, 第3组); ordered by name alone, in pinyin, they
-- come 第二, 第三, 第四, 第一. A group's place is its first number, in Chinese numerals or digits; groups without one
-- follow, by name.
CREATE FUNCTION directory.delegation_group_order(name text) RETURNS integer
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    numeral text := substring(name FROM '[0-9]{1,9}|[零〇一二两三四五六七八九十百千]+');
    total integer := 0;
    digit integer := 0;
    ch text;
BEGIN
    IF numeral IS NULL THEN
        RETURN 2147483647;
    ELSIF numeral ~ '^[0-9]+$' THEN
        RETURN numeral::integer;
    END IF;
    FOREACH ch IN ARRAY regexp_split_to_array(numeral, '') LOOP
        CASE ch
            WHEN '十' THEN total := total + greatest(digit, 1) * 10; digit := 0;
            WHEN '百' THEN total := total + greatest(digit, 1) * 100; digit := 0;
            WHEN '千' THEN total := total + greatest(digit, 1) * 1000; digit := 0;
            WHEN '两' THEN digit := 2;
            WHEN '〇' THEN digit := 0;
            ELSE digit := strpos('零一二三四五六七八九', ch) - 1;
        END CASE;
    END LOOP;
    RETURN total + digit;
END
$$;
