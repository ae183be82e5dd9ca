import torch

# Logits for 4 samples and 3 classes, and the true classes
pred = torch.tensor([[2.0, 0.1, -1.0], [0.3, 0.2, 1.5], [0.0, 3.0, 0.5], [1.0, 1.2, 0.9]])
y = torch.tensor([0, 2, 2, 0])

predicted = pred.argmax(1)  # index of the largest logit in each row
print(f"pred.argmax(1):        {predicted}")
hits = predicted == y
print(f"== y:                  {hits}")
as_float = hits.type(torch.float)  # same as hits.float()
print(f".type(torch.float):    {as_float}")
correct = as_float.sum().item()  # a Python float, no tensor kept
print(f".sum().item():         {correct}")
print(f"accuracy:              {correct / len(y):.2%}")

# argmax of the logits == argmax of the softmax probabilities
changed = not torch.equal(pred.softmax(1).argmax(1), predicted)
print(f"softmax changes argmax? {changed}")
