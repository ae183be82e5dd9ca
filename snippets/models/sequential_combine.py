from torch import nn

a = nn.Sequential(nn.Linear(8, 4), nn.ReLU())
b = nn.Sequential(nn.Linear(4, 2))

print(f"a + b:\n{a + b}")  # a new Sequential; a and b are unchanged
a.insert(1, nn.BatchNorm1d(4))  # insert(index, module)
a.extend(b)  # append every layer of b
print(f"after insert and extend:\n{a}")

try:
    a + nn.ReLU()
except ValueError as e:
    print(f"ValueError: {e}")

# insert() checks its arguments: a Module, at an index from -len to len
try:
    a.insert(0, "relu")
except AssertionError as e:
    print(f"AssertionError: {e}")
try:
    a.insert(10, nn.ReLU())
except IndexError as e:
    print(f"IndexError: {e}")
