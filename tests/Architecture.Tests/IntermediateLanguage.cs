using System.Reflection.Emit;

namespace Workforce.Architecture.Tests;

/// <summary>What a compiled method does, read from its IL.</summary>
internal static class IntermediateLanguage
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>Whether the method constructs a <paramref name="type"/> (a <c>newobj</c> of one of its constructors).</summary>
    public static bool Constructs(MethodBase method, Type type)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            return false;
        }
        for (var at = 0; at < il.Length;)
        {
            var value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            var opCode = OpCodesByValue[value];
            at += opCode.Size;
            if (opCode == OpCodes.Newobj)
            {
                try
                {
                    var genericType = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
                    var genericMethod = method.IsGenericMethod ? method.GetGenericArguments() : null;
                    if (method.Module.ResolveMethod(BitConverter.ToInt32(il, at), genericType, genericMethod)?.DeclaringType == type)
                    {
                        return true;
                    }
                }
                catch (ArgumentException)
                {
                    // A constructor of a generic instantiation this method cannot resolve: not the type's.
                }
            }
            at += opCode.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
                _ => 4,
            };
        }
        return false;
    }
}
